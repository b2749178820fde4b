/**
 * Live sync: the event streams that tell a signed-in page its backup changed or its session ended, bounded per
 * server and per address. May use {@code fob.server.metrics}, {@code fob.server.session}, {@code fob.server.store}
 * (the change feed) and {@code fob.server.web}.
 */
package fob.server.live;
