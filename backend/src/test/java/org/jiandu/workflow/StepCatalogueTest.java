package org.jiandu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.jiandu.clue.ClueStep;
import org.jiandu.complaint.ComplaintTaskStep;
import org.jiandu.letter.LetterStep;
import org.jiandu.rectification.RectificationStep;
import org.jiandu.supervision.CaseStep;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The step catalogue against the diagrams in {@code processes/} and the forms in {@code forms/}: every user task is
 * declared, every declared task exists, with the diagram's form, workers and due date; every form input is declared
 * with the form's type and required-ness, and nothing the form lacks is declared.
 */
class StepCatalogueTest {

    private static final StepCatalogue CATALOGUE = new StepCatalogue(Stream.of(
                    Arrays.stream(ComplaintTaskStep.values()).map(ComplaintTaskStep::step),
                    Arrays.stream(LetterStep.values()).map(LetterStep::step),
                    Arrays.stream(RectificationStep.values()).map(RectificationStep::step),
                    Arrays.stream(CaseStep.values()).map(CaseStep::step),
                    Arrays.stream(ClueStep.values()).map(ClueStep::step))
            .flatMap(steps -> steps).toList());

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void everyUserTaskOfEveryDiagramIsDeclaredAndEveryDeclaredTaskExists() throws Exception {
        Set<String> inDiagrams = new TreeSet<>();
        Set<String> processes = new HashSet<>();
        for (Resource file : resources.getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                model.getModelElementsByType(Process.class).forEach(process -> processes.add(process.getId()));
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    Process process = processOf(task);
                    {
                        inDiagrams.add(process.getId() + "/" + task.getId());
                        ProcessStep step = CATALOGUE.step(process.getId(), task.getId()).orElse(null);
                        assertThat(step).as("catalogue entry of %s/%s", process.getId(), task.getId()).isNotNull();
                        String where = step.toString();
                        assertThat(task.getName()).as(where + " name").isEqualTo(step.label());
                        assertThat(task.getCamundaFormRef()).as(where + " form").isEqualTo(step.formKey());
                        assertThat(task.getCamundaCandidateGroups()).as(where + " candidate groups")
                                .isEqualTo(step.workers().candidateGroupsExpression());
                        assertThat(task.getCamundaAssignee()).as(where + " assignee")
                                .isEqualTo(step.workers().assigneeExpression());
                        assertThat(task.getCamundaDueDate()).as(where + " due date")
                                .isEqualTo(step.deadline().dueDateExpression());
                    }
                }
            }
        }
        assertThat(processes).as("the five processes").hasSize(5);
        Set<String> declared = new TreeSet<>();
        CATALOGUE.all().forEach(step -> declared.add(step.processKey() + "/" + step.taskKey()));
        assertThat(declared).isEqualTo(inDiagrams);
    }

    @Test
    void everyFormInputIsDeclaredWithItsTypeAndRequiredNessAndNothingElse() throws Exception {
        Map<String, List<StepField>> forms = new LinkedHashMap<>();
        for (Resource file : resources.getResources("classpath*:forms/*.form")) {
            try (InputStream in = file.getInputStream()) {
                JsonNode form = new ObjectMapper().readTree(in);
                List<StepField> fields = new ArrayList<>();
                collect(form.path("components"), fields);
                forms.put(form.path("id").asText(), fields);
            }
        }
        for (ProcessStep step : CATALOGUE.all()) {
            assertThat(forms).as(step + " form " + step.formKey()).containsKey(step.formKey());
            List<String> fromForm = forms.get(step.formKey()).stream().map(StepCatalogueTest::describe).toList();
            List<String> declared = step.fields().stream().map(StepCatalogueTest::describe).toList();
            assertThat(declared).as(step + " against " + step.formKey()).containsExactlyInAnyOrderElementsOf(fromForm);
        }
        Set<String> used = new HashSet<>();
        CATALOGUE.all().forEach(step -> used.add(step.formKey()));
        assertThat(used).as("every form belongs to a step").containsAll(forms.keySet());
    }

    @Test
    void aStepNamedBySeparationOfDutyExistsInTheSameProcess() {
        for (ProcessStep step : CATALOGUE.all()) {
            for (SeparationOfDuty rule : step.separation()) {
                if (rule.taskKey() != null) {
                    assertThat(CATALOGUE.step(step.processKey(), rule.taskKey())).as(step + " not by " + rule).isPresent();
                }
            }
        }
        assertThat(CATALOGUE.step("clue-transfer", "Task_LeadApproval").orElseThrow().separation()).isNotEmpty();
        assertThat(CATALOGUE.step("supervision-letter", "Task_SignLetter").orElseThrow().separation()).isNotEmpty();
    }

    /** The process a task belongs to, through any sub-processes. */
    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static String describe(StepField field) {
        return field.name() + ":" + field.type() + (field.required() ? ":required" : ":optional");
    }

    private static void collect(JsonNode components, List<StepField> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.get("components"), fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue;
            }
            boolean required = component.path("validate").path("required").asBoolean(false);
            fields.add(new StepField(key, typeOf(component), required, false));
        }
    }

    /** The catalogue's type of a form-js component. */
    private static FieldType typeOf(JsonNode component) {
        String type = component.path("type").asText();
        return switch (type) {
            case "textarea", "textfield" -> FieldType.TEXT;
            case "number" -> FieldType.NUMBER;
            case "datetime" -> FieldType.DATE;
            case "checkbox" -> FieldType.BOOLEAN;
            case "radio", "select" -> {
                Set<String> values = new HashSet<>();
                component.path("values").forEach(option -> values.add(option.path("value").asText()));
                yield values.equals(Set.of("true", "false")) ? FieldType.BOOLEAN : FieldType.CHOICE;
            }
            default -> throw new AssertionError("Form component type not in the catalogue's types: " + type);
        };
    }
}
