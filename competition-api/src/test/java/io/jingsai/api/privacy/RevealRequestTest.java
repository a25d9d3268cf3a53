package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;

class RevealRequestTest {

    @Test
    void noRevealAsksForNothingAndAReasonIsKeptStripped() {
        assertThat(RevealRequest.of(null, null, "idNumber")).isNull();
        assertThat(RevealRequest.of("idNumber", "  核对身份 ", "idNumber").reason()).isEqualTo("核对身份");
        assertThat(RevealRequest.of("idNumber", "原".repeat(500), "idNumber").reason()).hasSize(500);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThat(problems("everything", null)).containsExactly("reveal oneOf", "reason reveal.reasonRequired");
        assertThat(problems("idNumber", null)).containsExactly("reason reveal.reasonRequired");
        assertThat(problems("idNumber", " \t")).containsExactly("reason reveal.reasonRequired");
        assertThat(problems("idNumber", "原".repeat(501))).containsExactly("reason size.max");
        assertThat(problems(null, "好奇")).containsExactly("reason reveal.reasonWithoutReveal");
    }

    private static List<String> problems(String reveal, String reason) {
        try {
            RevealRequest.of(reveal, reason, "idNumber");
        } catch (RejectedRequestException e) {
            return e.problems().stream().map(p -> p.field() + " " + p.rule()).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theAllowedValuesAreNamedNotTheRejectedOne() {
        assertThatThrownBy(() -> RevealRequest.of("secret-value", "x", "contact"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::arguments).containsExactly(List.of(
                                List.of("contact"))));
    }
}
