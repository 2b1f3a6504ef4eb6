import type { FunnelUnit } from '../../src/domain/quality/funnel.js';

/**
 * Test support only: the FunnelPlotR example data set, aggregated to its 54 providers.
 *
 * FunnelPlotR's documented example (R/funnel_plot.R @examples, README.Rmd and vignettes, repo
 * nhs-r-community/FunnelPlotR @ 9020d4972873d863e10b8a16555975f0e322adfc) takes `medpar` from the
 * COUNT package (Hilbe 2014, 1991 Arizona Medicare data), fits
 *   glm(los ~ hmo + died + age80 + factor(type), family = "poisson")
 * and plots observed length of stay against the fitted (expected) length of stay per provider.
 *
 * Observed: the sum of `los` per `provnum` in medpar (read from vincentarelbundock/Rdatasets
 * csv/COUNT/medpar.csv @ cc03c29690889dbe83089f5206e2422db8c3f71f, 1,495 rows).
 * Expected: the sum of that model's fitted values, refitted by iteratively reweighted least squares to
 * convergence; the coefficients agree with the package's printed summary(mod) (2.26875, −0.07637,
 * −0.24574, −0.02141, 0.24921, 0.74869), and rounded to 2 decimals the expected counts equal every
 * `denominator` the package prints (22 of the 54 units are printed; see funnel.test.ts).
 */
const rows: [string, number, number][] = [
  ['030001', 406, 523.6963043989],
  ['030002', 642, 612.9785529321],
  ['030003', 46, 53.7913618830],
  ['030006', 764, 763.7178875467],
  ['030007', 82, 120.9373928123],
  ['030008', 201, 250.1860170038],
  ['030009', 193, 155.4920962384],
  ['030010', 569, 484.7148763891],
  ['030011', 404, 362.2221306225],
  ['030012', 134, 188.9266124522],
  ['030013', 614, 554.3847672925],
  ['030014', 491, 616.7379836696],
  ['030016', 501, 360.1473306068],
  ['030017', 131, 245.6126023485],
  ['030018', 274, 263.5645838533],
  ['030019', 124, 154.6624228664],
  ['030022', 456, 475.0158872398],
  ['030023', 48, 38.9339320872],
  ['030024', 429, 445.0965580497],
  ['030025', 14, 28.7971388775],
  ['030030', 369, 347.5364042862],
  ['030033', 8, 7.5610513661],
  ['030035', 37, 73.2056017513],
  ['030036', 128, 118.1137606604],
  ['030037', 145, 273.3377276967],
  ['030038', 493, 449.7932045194],
  ['030043', 104, 172.3785832710],
  ['030044', 6, 19.1962588644],
  ['030055', 308, 321.8580096780],
  ['030059', 34, 36.5629957292],
  ['030060', 7, 19.9642915470],
  ['030061', 935, 851.7163725324],
  ['030062', 134, 198.9405607152],
  ['030064', 339, 302.3934301244],
  ['030065', 458, 410.1634715376],
  ['030067', 22, 45.8653214817],
  ['030068', 2, 9.6673147877],
  ['030069', 160, 212.3449505012],
  ['030073', 87, 38.9221719103],
  ['030078', 55, 31.7378697564],
  ['030080', 252, 285.6359114571],
  ['030083', 174, 186.6560638509],
  ['030084', 43, 33.9818340979],
  ['030085', 228, 255.6546675434],
  ['030086', 210, 242.0258664742],
  ['030087', 321, 279.4762171381],
  ['030088', 631, 619.2635855534],
  ['030089', 543, 626.1301962329],
  ['030092', 105, 145.6748627056],
  ['030093', 389, 413.8620950815],
  ['030094', 92, 111.2627926523],
  ['032000', 1012, 685.5857237531],
  ['032002', 283, 181.1079112107],
  ['032003', 95, 24.8064803619],
];

export const medparProviders: FunnelUnit[] = rows.map(([unit, numerator, denominator]) => ({ unit, numerator, denominator }));
