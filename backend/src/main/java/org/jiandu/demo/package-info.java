/**
 * Demo data (演示数据): the organisations and users a fresh embedded start comes with, so that
 * every role can be tried at once. Off in the {@code mysql} profile unless asked for. And the adjustable
 * clock's endpoint ({@code jiandu.clock.adjustable}), for a demo or an end-to-end test that watches deadlines pass.
 */
package org.jiandu.demo;
