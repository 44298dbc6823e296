package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.jiandu.IntegrationTest;
import org.jiandu.identity.AdminLevel;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnitMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/** One DataSource, one transaction manager: a MyBatis write and an engine step commit or roll back together. */
class TransactionTest extends IntegrationTest {

    private static String deploymentId;

    @Autowired
    OrgUnitMapper orgs;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void deploy(@Autowired RepositoryService repository) {
        deploymentId = repository.createDeployment().addClasspathResource("test-processes/tx-probe.bpmn")
                .name("tx-probe").deploy().getId();
    }

    @AfterAll
    static void undeploy(@Autowired RepositoryService repository) {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void aFailingEngineStepRollsBackTheBusinessWrite() {
        String code = "TXA" + System.nanoTime() % 100000;
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            orgs.insert(row(code));
            runtime.startProcessInstanceByKey("tx-probe", code);
            runtime.startProcessInstanceByKey("tx-probe-failing", code);
        })).isInstanceOf(ProcessEngineException.class);

        assertThat(orgs.findByCode(code)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void aFailingBusinessWriteRollsBackTheEngineStep() {
        String code = "TXB" + System.nanoTime() % 100000;
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            runtime.startProcessInstanceByKey("tx-probe", code);
            orgs.insert(row(code));
            orgs.insert(row(code));   // duplicate code: the unique constraint refuses it
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(orgs.findByCode(code)).isEmpty();
    }

    @Test
    void bothCommitTogether() {
        String code = "TXC" + System.nanoTime() % 100000;
        transactions.executeWithoutResult(status -> {
            orgs.insert(row(code));
            runtime.startProcessInstanceByKey("tx-probe", code);
        });
        assertThat(orgs.findByCode(code)).isPresent();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }

    private static OrgUnitMapper.OrgUnitRow row(String code) {
        OrgUnitMapper.OrgUnitRow row = new OrgUnitMapper.OrgUnitRow();
        row.code = code;
        row.name = "事务测试机构";
        row.kind = OrgKind.AGENCY;
        row.adminLevel = AdminLevel.CITY;
        row.createdAt = LocalDateTime.now().withNano(0);
        return row;
    }
}
