/**
 * Web (接口公共部分): what every controller shares: RFC 7807 problem responses with a stable
 * {@code code}, paging, the client's {@code Prefer} of an action's answer, and the caller's address for the audit log.
 */
package org.jiandu.web;
