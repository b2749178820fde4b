/**
 * HTTP plumbing every route shares, and the page itself: JSON and error bodies, request bodies within bounds,
 * base64url, the client's address behind trusted proxies, security headers, and serving the page's files and
 * service icons. Uses no other {@code fob.server} package.
 */
package fob.server.web;
