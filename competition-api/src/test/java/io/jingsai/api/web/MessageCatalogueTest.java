package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.identifiers.OccupationCode;
import io.jingsai.api.identifiers.Parsed;
import io.jingsai.api.identifiers.Rejection;
import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/**
 * The message catalogue says everything the code asks it to, in both languages: the same keys, the same values
 * named, valid {@link MessageFormat} patterns, and a message for every key the main code passes as a rule or a
 * detail (read from the sources, so a call site still written as an English sentence fails here).
 */
class MessageCatalogueTest {

    private static final Properties CHINESE = load("/messages.properties");
    private static final Properties ENGLISH = load("/messages_en.properties");
    private static final Path MAIN = Path.of("src/main/java/io/jingsai/api");

    /** A call that takes a message key: where the call starts, which argument is the key, and how it becomes one. */
    private record KeyedCall(Pattern start, int argument, Function<String, String> key) {
    }

    private static final List<KeyedCall> CALLS = List.of(
            call("new FieldProblem\\(", 1),
            call("FieldProblem\\.of\\(", 1),
            call("BrokenRule\\.of\\(", 0),
            call("RejectedRequestException\\.of\\(", 1),
            call("new ConflictException\\(", 0),
            call("new StaleVersionException\\(", 0),
            call("NotFoundException\\.because\\(", 0),
            call("rows\\.delete\\(", 2),
            call("\\bsentence\\(", 1),
            new KeyedCall(Pattern.compile("new NotFoundException\\("), 0, name -> "resource." + name),
            new KeyedCall(Pattern.compile("\\bresource\\("), 0, name -> "resource." + name),
            new KeyedCall(Pattern.compile("\\bmissing\\("), 1, name -> "resource." + name));

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEMPLATE = Pattern.compile("message = \"\\{([^}]+)}\"|CODE_RULE = \"\\{([^}]+)}\"");
    private static final Pattern RESOURCE_CONSTANT = Pattern.compile("String RESOURCE = \"([a-zA-Z]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(ENGLISH.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(CHINESE.stringPropertyNames());
    }

    @Test
    void everyMessageIsAPatternNamingTheSameValuesInBothLanguages() {
        for (String key : CHINESE.stringPropertyNames()) {
            String chinese = CHINESE.getProperty(key);
            String english = ENGLISH.getProperty(key);
            assertThat(values(english)).as(key).isEqualTo(values(chinese));
            for (String message : List.of(chinese, english)) {
                assertThat(message.replace("''", "")).as(key + ": a single apostrophe starts a quote").doesNotContain("'");
                assertThat(message).as(key).isNotBlank();
            }
        }
    }

    @Test
    void chineseIsTheDefaultCatalogue() {
        assertThat(CHINESE.getProperty("title.400")).isEqualTo("请求无效");
        assertThat(CHINESE.getProperty("detail.404")).isEqualTo("没有这个资源");
        assertThat(ENGLISH.getProperty("detail.404")).isEqualTo("no such resource");
    }

    @Test
    void everyKeyTheCodeNamesHasAMessage() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                keys.addAll(keysIn(Files.readString(source)));
            }
        }
        assertThat(keys).as("keys named in the sources").hasSizeGreaterThan(120)
                .contains("memberIds.distinct", "resource.event", "status.transition", "scheme.total", "phone.format",
                        "enterprise.stillReferenced", "engine.other");
        assertThat(missing(keys)).as("keys without a message").isEmpty();
    }

    /** Keys made by code rather than written out: from annotations, statuses and the identifiers' rules. */
    @Test
    void everyKeyTheCodeMakesHasAMessage() {
        List<String> keys = new ArrayList<>(List.of("required", "notBlank", "notEmpty", "positive", "positiveOrZero",
                "min", "max", "size.max", "size.min", "size.range", "items.max", "items.min", "items.range", "email",
                "pattern", "oneOf", "type.text", "type.wholeNumber", "type.boolean", "type.list", "type.object",
                "type.other", "number.range", "number.decimal", "dateTime.format", "dateTime.range",
                "text.controlCharacter", "text.lineBreak", "text.loneSurrogate", "field.unknown", "field.repeated",
                "json.notOneObject", "json.syntax", "json.syntaxAt", "request.malformed", "request.tooLarge",
                "database.unavailable", "server.failed", "invalid.one", "invalid.several", "list.separator",
                "list.none", "title.other", "detail.other", "upload.fileType"));
        for (int status : List.of(400, 401, 403, 404, 405, 406, 409, 412, 413, 414, 415, 428, 429, 431, 500, 503)) {
            keys.add("title." + status);
        }
        for (String bad : List.of("", "91100000100003962", "9110000010000396IT", "X1100000100003962T",
                "9Z100000100003962T", "91990000100003962T", "91100000100003963T", "91100000100003962U")) {
            keys.add(rejection(UnifiedSocialCreditCode.parse(bad)).key());
        }
        for (String bad : List.of("", "11010519491231002", "1101051949123100A2", "11010519491231002Y",
                "990105194912310021", "110105194913310021", "110105189912310021", "110105194912310023")) {
            keys.add(rejection(ResidentIdNumber.parse(bad, LocalDate.of(2024, 1, 1))).key());
        }
        for (String bad : List.of("", "6101", "990000")) {
            keys.add(rejection(AdministrativeDivisionCode.parse(bad)).key());
        }
        for (String bad : List.of("", "6", "9-31", "6-3")) {
            keys.add(rejection(OccupationCode.parse(bad)).key());
        }
        assertThat(keys).contains("creditCode.checkCharacter", "creditCode.organisationCode", "creditCode.characterSet",
                "idNumber.birthDate", "idNumber.checkCharacter", "divisionCode.province", "occupationCode.group");
        assertThat(missing(keys)).isEmpty();
    }

    private static Rejection rejection(Parsed<?> parsed) {
        return parsed.optionalRejection().orElseThrow();
    }

    private static List<String> missing(Iterable<String> keys) {
        List<String> missing = new ArrayList<>();
        keys.forEach(key -> {
            if (!CHINESE.containsKey(key)) {
                missing.add(key);
            }
        });
        return missing;
    }

    /** The literal keys of {@link #CALLS} in a source file, its message templates and its kinds of resource. */
    private static Set<String> keysIn(String source) {
        Set<String> keys = new TreeSet<>();
        for (KeyedCall call : CALLS) {
            Matcher start = call.start().matcher(source);
            while (start.find()) {
                List<String> arguments = arguments(source, start.end());
                if (arguments.size() > call.argument()) {
                    String argument = arguments.get(call.argument());
                    Matcher literal = LITERAL.matcher(argument);
                    while (literal.find()) {
                        // A key is written whole; a concatenation is a sentence (a missing key) or a key's part.
                        if (!argument.contains("+") || literal.group(1).contains(" ")) {
                            keys.add(call.key().apply(literal.group(1)));
                        }
                    }
                }
            }
        }
        Matcher template = TEMPLATE.matcher(source);
        while (template.find()) {
            keys.add(template.group(1) != null ? template.group(1) : template.group(2));
        }
        Matcher resource = RESOURCE_CONSTANT.matcher(source);
        while (resource.find()) {
            keys.add("resource." + resource.group(1));
        }
        return keys;
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder argument = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                quoted = !(c == '"' && source.charAt(i - 1) != '\\');
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    arguments.add(argument.toString());
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(argument.toString());
                argument.setLength(0);
                continue;
            }
            argument.append(c);
        }
        return arguments;
    }

    private static KeyedCall call(String start, int argument) {
        return new KeyedCall(Pattern.compile(start), argument, Function.identity());
    }

    private static int values(String message) {
        return new MessageFormat(message).getFormatsByArgumentIndex().length;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageCatalogueTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
