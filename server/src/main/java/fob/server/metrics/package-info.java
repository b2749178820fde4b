/**
 * What an operator watches: requests, security events, backup bytes written, live-sync clients and the JVM, in
 * Prometheus' text format on a port of their own when one is set. Uses no other {@code fob.server} package.
 */
package fob.server.metrics;
