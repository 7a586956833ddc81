package ml.sdn.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The end of a log file, read without loading a large file whole. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path logFile, int lines) {
        if (!Files.exists(logFile)) {
            return "    (no log at " + logFile + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "    --- last " + last.size() + " lines of " + logFile + " ---\n"
                    + last.stream().map(line -> "    | " + line).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
