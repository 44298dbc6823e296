/**
 * Identity (身份与组织): users, roles and memberships in Camunda's identity tables, the organisation
 * tree (省市县乡) in {@code org_unit}, login for the API and the engine REST API, and the admin API.
 */
package org.jiandu.identity;
