package ml.sdn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Resident memory of the launcher and of each child process tree, read from /proc (Linux only). */
final class MemoryReport {

    private MemoryReport() {
    }

    static String render(Map<String, ChildProcess> children) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return "";
        }
        StringBuilder b = new StringBuilder("Resident memory (RSS):\n");
        long self = rssKb(ProcessHandle.current().pid());
        long total = self;
        b.append(String.format("  %-22s %5d MB  (mongo store, SMTP sink, this launcher)%n", "launcher", self / 1024));
        for (Map.Entry<String, ChildProcess> child : children.entrySet()) {
            long kb = child.getValue().tree().stream().mapToLong(h -> rssKb(h.pid())).sum();
            total += kb;
            b.append(String.format("  %-22s %5d MB%n", child.getKey(), kb / 1024));
        }
        b.append(String.format("  %-22s %5d MB%n", "total", total / 1024));
        return b.toString();
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return 0;
    }
}
