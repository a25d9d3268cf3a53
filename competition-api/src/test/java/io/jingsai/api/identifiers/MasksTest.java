package io.jingsai.api.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void idNumbersKeepTheirRegionAndLastFourCharacters() {
        assertThat(Masks.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masks.idNumber("1101051949")).isEqualTo("******************");
        assertThat(Masks.idNumber(null)).isNull();
    }

    @Test
    void phonesKeepTheirFirstThreeAndLastFourCharacters() {
        assertThat(Masks.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masks.phone("029-88886666")).isEqualTo("029*****6666");
        assertThat(Masks.phone("0298888666")).isEqualTo("029***8666");
        assertThat(Masks.phone(null)).isNull();
    }

    @Test
    void phonesTooShortToHideAnythingAreMaskedWhole() {
        assertThat(Masks.phone("1380013")).isEqualTo("*******");
        assertThat(Masks.phone("12345")).isEqualTo("*****");
    }

    @Test
    void emailAddressesKeepTheFirstCharacterAndTheDomainButNotTheLength() {
        assertThat(Masks.email("limin@example.cn")).isEqualTo("l***@example.cn");
        assertThat(Masks.email("a@example.cn")).isEqualTo("a***@example.cn");
        assertThat(Masks.email("x.y@z@example.cn")).isEqualTo("x***@example.cn");
        assertThat(Masks.email("not-an-address")).isEqualTo("***");
        assertThat(Masks.email(null)).isNull();
    }
}
