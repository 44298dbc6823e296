package org.jiandu.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void nameKeepsOnlyTheFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void phoneKeepsThePrefixAndTheLastFourDigits() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("0951-6012345")).isEqualTo("095*****2345");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
    }

    @Test
    void addressIsHiddenCompletely() {
        assertThat(Masking.address("幸福路8号")).isEqualTo("（已隐去）");
        assertThat(Masking.address(null)).isNull();
    }
}
