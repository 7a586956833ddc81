package ml.sdn.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The instructions of a Dockerfile, continuation lines joined and comments dropped. */
record Dockerfile(Path path, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new AssertionError(path + " does not exist");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read " + path, ex);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String instruction = pending.toString().strip();
            pending.setLength(0);
            int space = instruction.indexOf(' ');
            instructions.add(space < 0 ? new Instruction(instruction.toUpperCase(Locale.ROOT), "")
                    : new Instruction(instruction.substring(0, space).toUpperCase(Locale.ROOT),
                            instruction.substring(space + 1).strip()));
        }
        return new Dockerfile(path, instructions);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The last instruction of a kind: the one that holds for the final image. */
    String last(String keyword) {
        List<String> all = all(keyword);
        if (all.isEmpty()) {
            throw new AssertionError(path + " has no " + keyword + " instruction");
        }
        return all.get(all.size() - 1);
    }
}
