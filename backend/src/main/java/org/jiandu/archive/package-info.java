/**
 * Archive (电子档案归档): before the engine's history cleanup removes a closed record's history, the record is
 * written to the archive store as a package (trace .docx, documents, audit rows, manifest with SHA-256 of each
 * file) that an auditor can verify without the engine; retention periods per record type (文书档案保管期限).
 */
package org.jiandu.archive;
