package vn.baovetreem.imports;

import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file, written to a temporary file as it arrives, with its size and SHA-256 digest:
 * no upload is held in memory, whatever its size. Closing it deletes the temporary file.
 */
final class Upload implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Upload.class);

    private final Path file;
    private final long size;
    private final String digest;

    private Upload(Path file, long size, String digest) {
        this.file = file;
        this.size = size;
        this.digest = digest;
    }

    static Upload receive(InputStream body) throws IOException {
        MessageDigest sha = sha256();
        Path file = Files.createTempFile("cp-import-", ".upload");
        try (InputStream in = body == null ? InputStream.nullInputStream() : body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                size += n;
            }
            return new Upload(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    long size() {
        return size;
    }

    String digest() {
        return digest;
    }

    /** The file from its start. */
    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the upload %s", file);
        }
    }
}
