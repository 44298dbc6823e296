package org.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The document writer renders one throw-away document after start, in the background. */
class DocumentWriterWarmUpTest extends IntegrationTest {

    @Autowired
    DocumentWriterWarmUp warmUp;

    @Test
    void theWriterIsWarmedUpAfterStart() throws Exception {
        assertThat(warmUp.done().get(120, TimeUnit.SECONDS)).isNotNegative();
    }
}
