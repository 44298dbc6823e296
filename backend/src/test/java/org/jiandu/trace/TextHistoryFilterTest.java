package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The filter in front of Camunda's history: which texts it keeps out, and that every form's text field is one. */
class TextHistoryFilterTest {

    @Test
    void everyTextFieldOfEveryFormIsKeptOutOfHistory() throws IOException {
        Set<String> textFields = new TreeSet<>();
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
        assertThat(forms).hasSizeGreaterThan(20);
        for (Resource form : forms) {
            try (InputStream in = form.getInputStream()) {
                collectTextFields(new ObjectMapper().readTree(in), textFields);
            }
        }
        // an id chosen from a list (who investigates) is a decision, not a text someone wrote
        textFields.remove("supervisorId");
        assertThat(textFields).contains("replyText", "findings", "reason", "legalOpinion", "outcomeText");
        assertThat(TextHistoryFilter.TEXT_VARIABLES).containsAll(textFields);
    }

    @Test
    void dropsTheHistoryOfTextsAndPassesEverythingElse() {
        List<HistoryEvent> written = new ArrayList<>();
        HistoryEventHandler database = new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                written.add(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                written.addAll(events);
            }
        };
        TextHistoryFilter filter = new TextHistoryFilter(database);
        HistoricVariableUpdateEventEntity reply = variable("replyText");
        HistoricVariableUpdateEventEntity decision = variable("legalPassed");
        HistoricFormPropertyEventEntity formReason = new HistoricFormPropertyEventEntity();
        formReason.setPropertyId("reason");
        HistoricFormPropertyEventEntity formDecision = new HistoricFormPropertyEventEntity();
        formDecision.setPropertyId("satisfaction");
        HistoryEvent other = new HistoryEvent();

        filter.handleEvent(reply);
        filter.handleEvent(formReason);
        filter.handleEvents(List.of(decision, reply, formDecision, other));

        assertThat(written).containsExactly(decision, formDecision, other);
    }

    private static HistoricVariableUpdateEventEntity variable(String name) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        return event;
    }

    private static void collectTextFields(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            if (("textarea".equals(type) || "textfield".equals(type)) && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectTextFields(component, keys);
        }
    }
}
