/**
 * Supervision-suggestion letters (行政执法监督建议书): draft, legal review, signing with the document number,
 * service on the agency, its receipt and reply within the term, the supervisor's review of the reply.
 */
package org.jiandu.letter;
