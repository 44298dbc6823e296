package org.jiandu.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): title,
 * the build's version, HTTP Basic (Swagger UI's Authorize button), one Chinese tag per feature instead of the
 * controllers' class names, descriptions of the common parameters, and the problem+json answer of a refusal with
 * its stable {@code code}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String SECURITY_SCHEME = "basicAuth";
    static final String PROBLEM = "Problem";

    /** The feature of each controller (by its package), in the order Swagger UI lists them. */
    static final Map<String, Tag> TAGS = tags(
            "complaint", "投诉", "投诉举报的登记、受理、调查、答复与回访；公众提交和查询投诉（/api/public）",
            "supervision", "监督案件", "执法监督案件的立案、调查、集体研究与决定",
            "letter", "监督建议书", "监督建议书的起草、法制审核、签发、送达、签收与回复",
            "rectification", "整改", "整改方案、进展报告、完成报告与验收",
            "escalation", "督办与通报", "逾期事项的督办决定与对执法部门的通报",
            "clue", "线索移送", "问题线索移送：提出、法制审核、审批、移送函、签收与处理结果；线索分类",
            "inbox", "待办", "待办任务：我的待办、组待办、已办、抄送；认领、办理、委托、转办、退回",
            "notification", "通知", "站内通知与已读状态",
            "stats", "统计", "效能评价统计与年度报告（.xlsx）",
            "audit", "审计", "审计日志与哈希链校验",
            "trace", "全过程留痕", "案件、投诉、建议书等的全过程时间线、文书与流程图",
            "calendar", "工作日历", "法定节假日、调休与工作日计算",
            "deadline", "期限规则", "各环节的办理期限与提醒规则",
            "archive", "归档", "办结记录的归档包（全过程留痕、文书、审计记录与清单）及其校验",
            "incident", "运维", "流程作业失败形成的异常（incident）：查看与重试",
            "identity", "管理", "当前用户、组织机构、用户与角色管理；系统时钟（演示与测试）",
            "demo", "管理", "");

    /** Descriptions of parameters that many operations share, by name. */
    static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("page", "页码，从 0 开始"),
            Map.entry("size", "每页条数（1–100，默认 20）"),
            Map.entry("id", "记录的 ID（列表和详情中的 id）"),
            Map.entry("taskId", "待办任务的 ID（/api/tasks 列表中的 id）"),
            Map.entry("documentId", "文书的 ID（详情中 documents 的 id）"),
            Map.entry("agency", "执法部门代码，例如 SCJ（市市场监督管理局）"),
            Map.entry("agencyCode", "执法部门代码，例如 SCJ"),
            Map.entry("code", "组织机构代码"),
            Map.entry("status", "状态（见各资源的状态值）"),
            Map.entry("flag", "期限标记：NONE 正常，YELLOW 临期（预警提前量内且不是当天收到的），RED 逾期"),
            Map.entry("from", "期间开始日期（含），yyyy-MM-dd"),
            Map.entry("to", "期间结束日期（含），yyyy-MM-dd"),
            Map.entry("year", "年份，例如 2026"),
            Map.entry("date", "日期，yyyy-MM-dd"),
            Map.entry("days", "工作日天数"),
            Map.entry("key", "期限规则的键，例如 letter.reply"),
            Map.entry("businessKey", "业务编号（投诉受理号、案件号、建议书编号等），可部分匹配"),
            Map.entry("processKey", "流程定义的键，例如 complaint-handling"),
            Map.entry("view", "待办视图：MINE 我的待办，CLAIMABLE 组待办，DONE 已办，CC 抄送"),
            Map.entry("text", "按任务名称、业务编号或流程名称模糊查询"),
            Map.entry("sort", "排序：DUE 期限，CREATED 创建时间，PRIORITY 优先级"),
            Map.entry("order", "asc 升序或 desc 降序"),
            Map.entry("dueWithinDays", "只看若干个工作日内到期的"),
            Map.entry("recordNo", "业务记录编号，例如 TS-2026-000123"),
            Map.entry("trackingNo", "投诉受理号"),
            Map.entry("queryCode", "投诉人收到的查询码"),
            Map.entry("sourceType", "线索来源类型"),
            Map.entry("sourceNo", "线索来源记录的编号"),
            Map.entry("userId", "用户名"),
            Map.entry("letterId", "监督建议书的 ID"),
            Map.entry("kind", "种类（见该操作的可选值）"),
            Map.entry("unread", "true 时只列未读的"),
            Map.entry("section", "统计分组：complaints、letters、rectifications、public-notices、clues、efficiency 等"),
            Map.entry("recordType", "业务记录类型，例如 COMPLAINT、LETTER、CASE"),
            Map.entry("q", "查询文字"),
            Map.entry("overdue", "true 时只列已逾期的"),
            Map.entry("orgCode", "组织机构代码"),
            Map.entry("fieldCode", "执法领域代码，例如 MARKET"),
            Map.entry("source", "来源"),
            Map.entry("sourceRef", "来源记录的编号"));

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Prefer.class); // documented as its header below
    }

    @Bean
    OpenAPI jianduOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Jiandu 执法监督系统 API").version(version).description("""
                        行政执法监督系统（投诉举报、监督案件、监督建议书、整改、督办与通报、问题线索移送、全过程留痕、效能统计）的接口。
                        每个请求以 HTTP Basic 登录（右上角 Authorize），演示用户的密码为 demo；公众投诉接口（/api/public）无需登录。

                        **拒绝与错误**：请求被拒绝时，答复为 `application/problem+json`（RFC 7807）：`status` 为 HTTP 状态，
                        `code` 为稳定的错误代码（程序据此判断），`detail` 为给人看的中文说明，`fields` 指出有问题的字段。
                        被拒绝的请求不改变任何数据。常见代码：
                        `VALIDATION_FAILED`、`MISSING_PARAMETER`、`INVALID_PARAMETER`、`MALFORMED_REQUEST`、`INVALID_TEXT`、`FORM_INVALID`、`FIELD_REQUIRED`、`FIELD_NOT_ALLOWED`（400，输入不符合规则）；
                        `UNAUTHENTICATED`（401，未登录或密码错误）；`FORBIDDEN`（403，角色无权执行此操作）；
                        `…_NOT_FOUND`，如 `COMPLAINT_NOT_FOUND`、`LETTER_NOT_FOUND`、`TASK_NOT_FOUND`（404，不存在或无权知道其存在）；
                        `CONFLICT`、`CONCURRENT_CHANGE`、`STEP_NOT_OPEN`、`TASK_ALREADY_CLAIMED`（409，与当前状态冲突，刷新后重试）；
                        `FILE_TOO_LARGE`（413）；`TOO_MANY_REQUESTS`（429）。各操作的其他代码见其 4xx 答复的说明。

                        时间均带时区偏移（如 `2026-12-02T16:01:29+08:00`，时区由 jiandu.zone 配置）；期限按工作日历计算。"""))
                .components(new Components()
                        .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("用户名和密码（演示用户的密码为 demo）"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME))
                .tags(TAGS.values().stream().distinct().toList());
    }

    /** Chinese tags instead of class names, parameter descriptions, and the problem answers of each operation. */
    @Bean
    OperationCustomizer featureTagsAndProblems() {
        return (operation, handler) -> {
            String feature = featureOf(handler.getBeanType().getPackageName());
            Tag tag = TAGS.get(feature);
            if (tag != null && !handler.getBeanType().isAnnotationPresent(
                    io.swagger.v3.oas.annotations.tags.Tag.class)) {
                operation.setTags(List.of(tag.getName()));
            }
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if (parameter.getDescription() == null && PARAMETERS.containsKey(parameter.getName())) {
                        parameter.setDescription(PARAMETERS.get(parameter.getName()));
                    }
                }
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Prefer.class)) {
                operation.addParametersItem(new HeaderParameter().name(Prefer.HEADER).required(false)
                        .schema(new StringSchema()._enum(List.of("return=minimal", "return=representation")))
                        .description("RFC 7240：return=minimal 时只答 204（不再读回记录的新状态），否则答 200 与记录的新状态"));
                responses.addApiResponse("204", new ApiResponse()
                        .description("已办理（请求带 Prefer: return=minimal 时；答复头 Preference-Applied: return=minimal）"));
            }
            problem(responses, "400", "输入不符合规则（code 如 VALIDATION_FAILED、FORM_INVALID、FIELD_REQUIRED），未做任何修改");
            problem(responses, "401", "未登录或用户名、密码错误（code UNAUTHENTICATED）");
            problem(responses, "403", "当前用户的角色无权执行此操作（code FORBIDDEN）");
            problem(responses, "404", "记录不存在，或当前用户无权知道其存在（code 如 LETTER_NOT_FOUND）");
            problem(responses, "409", "与记录的当前状态冲突（code 如 STEP_NOT_OPEN、TASK_ALREADY_CLAIMED、CONCURRENT_CHANGE）");
            operation.setResponses(responses);
            if (feature.equals("complaint") && handler.getBeanType().getSimpleName().startsWith("Public")) {
                operation.setSecurity(List.of()); // the public intake needs no log-in
            }
            return operation;
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("请求被拒绝时的答复（RFC 7807 problem+json）")
                .addProperty("type", new StringSchema().description("问题类型的 URI"))
                .addProperty("title", new StringSchema().description("HTTP 状态的简短说明"))
                .addProperty("status", new IntegerSchema().description("HTTP 状态码"))
                .addProperty("detail", new StringSchema().description("给人看的说明（中文）"))
                .addProperty("instance", new StringSchema().description("请求的路径"))
                .addProperty("code", new StringSchema().description("稳定的错误代码，如 VALIDATION_FAILED、FORBIDDEN、"
                        + "LETTER_NOT_FOUND、STEP_NOT_OPEN；程序据此判断，不依赖 detail 的文字"))
                .addProperty("fields", new MapSchema().additionalProperties(new StringSchema())
                        .description("有问题的字段及其说明（如有）"));
    }

    /** {@code org.jiandu.letter} → {@code letter}. */
    static String featureOf(String packageName) {
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private static Map<String, Tag> tags(String... triples) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            String name = triples[i + 1];
            String description = triples[i + 2];
            Tag tag = byName.computeIfAbsent(name, n -> new Tag().name(n).description(description));
            tags.put(triples[i], tag);
        }
        return tags;
    }
}
