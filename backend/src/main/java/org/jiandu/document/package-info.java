/**
 * Documents (文书): gap-free document numbers (文号) per issuing body, type and year; official
 * documents rendered as .docx in the GB/T 9704 layout; an immutable store with SHA-256 for generated
 * documents and uploaded evidence.
 */
package org.jiandu.document;
