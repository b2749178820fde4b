package fob.server.web;

/** One file the server sends: its bytes, a gzip copy when that is smaller, and its content type. */
final class Asset {
    final String path;
    final byte[] body;
    final byte[] gzipped;
    final String contentType;

    Asset(String path, byte[] body, byte[] gzipped, String contentType) {
        this.path = path;
        this.body = body;
        this.gzipped = gzipped;
        this.contentType = contentType;
    }
}
