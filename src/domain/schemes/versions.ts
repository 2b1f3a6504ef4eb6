/** What choosing among a scheme's versions needs of each: its number and status (draft | approved | superseded). */
export interface VersionStatus {
  version: number;
  status: string;
}

const latest = <T extends VersionStatus>(versions: readonly T[]): T | undefined => versions.reduce<T | undefined>((found, v) => (!found || v.version > found.version ? v : found), undefined);

/**
 * The version in force: the latest approved (approving a version supersedes the one before). What
 * practices are paid by, return their activity against and are evaluated on; none while nothing has
 * been approved.
 */
export function versionInForce<T extends VersionStatus>(versions: readonly T[]): T | undefined {
  return latest(versions.filter((v) => v.status === 'approved'));
}

/**
 * The version a reader reads when they name none, and whose activity returns they follow: someone
 * who sees drafts (the federation, preparing the next version) the latest, a draft included; anyone
 * else the version in force. The schemes list, a scheme's page, its returns and "my items" all ask this.
 */
export function versionReadBy<T extends VersionStatus>(versions: readonly T[], seesDrafts: boolean): T | undefined {
  return seesDrafts ? latest(versions) : versionInForce(versions);
}
