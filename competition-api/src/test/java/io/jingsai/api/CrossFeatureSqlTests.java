package io.jingsai.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import io.jingsai.api.CrossFeatureReads.Read;

/**
 * Holds {@link CrossFeatureReads} to the migrated schema and to the main sources: every table has one owning feature,
 * every listed column still exists with its type, and the SQL of each feature package names another feature's table
 * only where the list says so (and the list names nothing the SQL no longer reads).
 *
 * <p>The sources are read as text: the string literals of each file, where a table follows FROM, JOIN, INTO or
 * UPDATE. SQL that takes its table from elsewhere is seen where the table is chosen: {@code ExistingReferences}
 * through {@code new Reference(field, Table.X, id)}, privacy's re-sealing through {@code new SealedColumn(table,
 * column)}. Flyway migrations written in Java are history, run against the schema of their own version, and are
 * left out.
 */
@IntegrationTest
class CrossFeatureSqlTests {

    private static final Path MAIN = Path.of("src/main/java/io/jingsai/api");
    private static final Pattern TABLE_IN_SQL = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(\\w+)");
    private static final Pattern REFERENCE_CHECK = Pattern.compile("new Reference\\(\"\\w+\",\\s*Table\\.(\\w+)");
    private static final Pattern SEALED_COLUMN = Pattern.compile("new SealedColumn\\(\"(\\w+)\",\\s*\"(\\w+)\"\\)");
    private static final Pattern ROW_TABLE = Pattern.compile("@Table\\(\"(\\w+)\"\\)");
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__\\w+\\.java");

    /** A main source file of a feature package: its code, and its string literals, one a line. */
    private record Source(String feature, Path file, String code, String literals) {
    }

    @Autowired
    DatabaseClient database;

    @Test
    void everyTableHasOneOwnerAndEveryRowClassLivesWithIt() {
        assertThat(new TreeSet<>(CrossFeatureReads.OWNERS.keySet())).as("owned tables = the tables of the schema")
                .isEqualTo(new TreeSet<>(columnTypes().keySet().stream()
                        .map(column -> column.substring(0, column.indexOf('.'))).toList()));
        for (Source source : sources()) {
            Matcher row = ROW_TABLE.matcher(source.code());
            while (row.find()) {
                assertThat(source.feature()).as(source.file() + " maps " + row.group(1))
                        .isEqualTo(CrossFeatureReads.OWNERS.get(row.group(1)));
            }
        }
    }

    @Test
    void everyListedColumnExistsWithItsType() {
        Map<String, String> schema = columnTypes();
        List<String> broken = new ArrayList<>();
        for (Read read : CrossFeatureReads.ALL) {
            assertThat(read.reader()).as(read + ": a read of its own table")
                    .isNotEqualTo(CrossFeatureReads.OWNERS.get(read.table()));
            for (String column : read.columns()) {
                String name = read.table() + "." + column.substring(0, column.indexOf(' '));
                String expected = column.substring(column.indexOf(' ') + 1);
                if (!expected.equals(schema.get(name))) {
                    broken.add(read.reader() + " reads " + name + " as " + expected + " (" + read.why() + "), the "
                            + "schema has " + (schema.containsKey(name) ? schema.get(name) : "no such column"));
                }
            }
        }
        assertThat(broken).as("cross-feature reads the owner's schema no longer serves").isEmpty();
    }

    @Test
    void theSqlReadsAnotherFeaturesTableOnlyWhereTheListSays() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Source source : sources()) {
            for (String table : tablesNamed(source)) {
                String owner = CrossFeatureReads.OWNERS.get(table);
                if (owner != null && !owner.equals(source.feature())) {
                    found.computeIfAbsent(source.feature() + " reads " + table, read -> new TreeSet<>())
                            .add(source.file().getFileName().toString());
                }
            }
        }
        Set<String> listed = CrossFeatureReads.ALL.stream().map(read -> read.reader() + " reads " + read.table())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("one entry per reader and table").hasSameSizeAs(CrossFeatureReads.ALL);
        assertThat(found.entrySet().stream().filter(read -> !listed.contains(read.getKey()))
                .map(read -> read.getKey() + " in " + read.getValue()))
                .as("cross-feature reads missing from CrossFeatureReads").isEmpty();
        assertThat(listed.stream().filter(read -> !found.containsKey(read)))
                .as("CrossFeatureReads entries that no SQL makes any more").isEmpty();
    }

    @Test
    void everyListedColumnIsNamedInTheReadersSql() {
        Map<String, String> literals = sources().stream()
                .collect(Collectors.groupingBy(Source::feature, Collectors.mapping(Source::literals,
                        Collectors.joining("\n"))));
        for (Read read : CrossFeatureReads.ALL) {
            for (String column : read.columns()) {
                String name = column.substring(0, column.indexOf(' '));
                assertThat(literals.getOrDefault(read.reader(), "")).as(read.reader() + " reads " + read.table() + "."
                        + name).containsPattern("\\b" + name + "\\b");
            }
        }
    }

    /** The tables a file's SQL names, directly or through a reference check or a sealed column. */
    private static Set<String> tablesNamed(Source source) {
        Set<String> tables = new TreeSet<>();
        Matcher sql = TABLE_IN_SQL.matcher(source.literals());
        while (sql.find()) {
            tables.add(sql.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher reference = REFERENCE_CHECK.matcher(source.code());
        while (reference.find()) {
            tables.add(reference.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher sealed = SEALED_COLUMN.matcher(source.code());
        while (sealed.find()) {
            tables.add(sealed.group(1));
        }
        return tables;
    }

    /** "table.column" → data type, for every table of the migrated schema but Flyway's own. */
    private Map<String, String> columnTypes() {
        return new TreeMap<>(database.sql("""
                        SELECT c.table_name || '.' || c.column_name AS name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.table_name <> 'flyway_schema_history'""")
                .map(row -> Map.entry(row.get("name", String.class), row.get("data_type", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block(Duration.ofSeconds(30)));
    }

    /** Every main source file in a feature package (the files directly in io.jingsai.api belong to none). */
    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() > 1 && !MIGRATION.matcher(file.getFileName().toString()).matches()) {
                    String code = Files.readString(file);
                    sources.add(new Source(relative.getName(0).toString(), relative, code, literals(code)));
                }
            }
            assertThat(sources).as("main sources under " + MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals and text blocks of Java source, one a line, as written (escapes left as they are). */
    private static String literals(String java) {
        StringBuilder found = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2) + 2;
            } else if (java.startsWith("\"\"\"", i) || java.charAt(i) == '"' || java.charAt(i) == '\'') {
                String quote = java.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(java.charAt(i));
                int end = i + quote.length();
                while (!java.startsWith(quote, end)) {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                if (!quote.equals("'")) {
                    found.append(java, i + quote.length(), end).append('\n');
                }
                i = end + quote.length();
            } else {
                i++;
            }
        }
        return found.toString();
    }
}
