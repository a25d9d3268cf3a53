package io.jingsai.api.migration;

import io.jingsai.api.identifiers.OccupationCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the reference trades that migration V3 loads, by parsing its single INSERT statement. */
class ReferenceTradesMigrationTest {

    private static final String MIGRATION = "db/migration/V3__reference_trades.sql";
    private static final String INSERT = "INSERT INTO trade (code, name_zh, name_en, built_in) VALUES";

    record Trade(String code, String nameZh, String nameEn, String builtIn) {
    }

    private static List<Trade> trades;

    @BeforeAll
    static void parseMigration() throws IOException {
        try (InputStream in = ReferenceTradesMigrationTest.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            Objects.requireNonNull(in, MIGRATION + " is not on the class path");
            trades = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void loadsAtLeastFiftyTrades() {
        assertThat(trades).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void chineseNamesAreUnique() {
        assertUnique(Trade::nameZh);
    }

    @Test
    void englishNamesAreUnique() {
        assertUnique(Trade::nameEn);
    }

    @Test
    void codesAreUnique() {
        assertUnique(Trade::code);
    }

    @Test
    void everyCodeIsAWellFormedOccupationCode() {
        assertThat(trades).map(Trade::code).filteredOn(Objects::nonNull)
                .isNotEmpty()
                .allSatisfy(code -> assertThat(OccupationCode.parse(code).optionalRejection()).as(code).isEmpty());
    }

    @Test
    void namesAreFilledAndEveryRowIsBuiltIn() {
        assertThat(trades).allSatisfy(trade -> {
            assertThat(trade.nameZh()).isNotBlank().hasSizeLessThanOrEqualTo(100);
            assertThat(trade.nameEn()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(trade.builtIn()).isEqualTo("TRUE");
        });
    }

    @Test
    void containsTheTradesCityContestsRunMost() {
        assertThat(trades).map(Trade::nameZh)
                .contains("电工", "焊工", "数控车工", "数控铣工", "钳工", "砌筑工", "起重装卸机械操作工", "架子工",
                        "混凝土工", "钢筋工", "木工", "汽车维修工", "中式烹调师", "养老护理员");
    }

    private static void assertUnique(Function<Trade, String> attribute) {
        List<String> values = trades.stream().map(attribute).filter(Objects::nonNull).toList();
        assertThat(values).doesNotHaveDuplicates();
    }

    /** Parses the one multi-row INSERT: tuples of single-quoted strings ('' escapes a quote) and bare words. */
    static List<Trade> parse(String sql) {
        String statement = stripComments(sql).trim();
        assertThat(statement).startsWith(INSERT).endsWith(";");
        String values = statement.substring(INSERT.length(), statement.length() - 1);
        List<Trade> parsed = new ArrayList<>();
        List<String> tuple = null;
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < values.length(); i++) {
            char c = values.charAt(i);
            if (quoted) {
                if (c == '\'' && i + 1 < values.length() && values.charAt(i + 1) == '\'') {
                    token.append('\'');
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                } else {
                    token.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '(') {
                assertThat(tuple).as("nested tuple at " + i).isNull();
                tuple = new ArrayList<>();
            } else if (c == ',' || c == ')') {
                if (tuple != null) {
                    tuple.add(value(token, wasQuoted));
                    token.setLength(0);
                    wasQuoted = false;
                    if (c == ')') {
                        assertThat(tuple).as("tuple " + tuple).hasSize(4);
                        parsed.add(new Trade(tuple.get(0), tuple.get(1), tuple.get(2), tuple.get(3)));
                        tuple = null;
                    }
                }
            } else if (!Character.isWhitespace(c)) {
                assertThat(tuple).as("text outside a tuple at " + i).isNotNull();
                token.append(c);
            }
        }
        assertThat(quoted).as("unclosed quote").isFalse();
        return parsed;
    }

    private static String value(StringBuilder token, boolean quoted) {
        String text = token.toString();
        if (quoted) {
            return text;
        }
        return text.equals("NULL") ? null : text;
    }

    /** Removes "--" comments, leaving any "--" inside a quoted string alone. */
    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // an escaped '' toggles twice, which leaves the state unchanged
            } else if (!quoted && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                c = '\n';
            }
            out.append(c);
        }
        return out.toString();
    }
}
