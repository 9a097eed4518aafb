package io.tillpoint.interfaces.rest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** For tests that check every class of a module: the compiled classes a module holds. */
final class CompiledClasses {

    private CompiledClasses() {
    }

    /** Every top-level class of the folder or jar {@code member} was loaded from, not initialised. */
    static List<Class<?>> besides(Class<?> member) throws IOException, URISyntaxException {
        Path root = Paths.get(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(f -> root.relativize(f).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class")) {
                classes.add(load(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CompiledClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
