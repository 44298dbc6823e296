/**
 * Statistics (效能评价): figures per period and agency within the caller's jurisdiction, handling times in
 * working days, the Ezhou efficiency figures, and the annual report (年度报告) as one .xlsx.
 */
package org.jiandu.stats;
