/** Where a PCN membership came from: ePCN dates are real; a mapping file's date is only the file's. */
export const pcnSources = { epcn: 'ODS ePCN', map: 'patients registered mapping' } as const;
