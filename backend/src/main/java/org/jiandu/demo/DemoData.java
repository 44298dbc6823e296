package org.jiandu.demo;

import java.util.EnumSet;

import org.jiandu.identity.AdminLevel;
import org.jiandu.identity.OrgAdmin;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start with {@code jiandu.demo.enabled=true}: a city with its supervision body
 * (市司法局, 执法监督科), three agencies, the discipline commission, a county with one agency, and
 * one user per role, all with the password {@value #PASSWORD}.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "jiandu.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgUnitMapper orgs;
    private final OrgAdmin orgAdmin;
    private final UserAdmin userAdmin;

    DemoData(OrgUnitMapper orgs, OrgAdmin orgAdmin, UserAdmin userAdmin) {
        this.orgs = orgs;
        this.orgAdmin = orgAdmin;
        this.userAdmin = userAdmin;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (orgs.findByCode("SFJ").isPresent()) {
            return;
        }
        org("CITY", "市人民政府", OrgKind.GOVERNMENT, AdminLevel.CITY, null, null);
        org("SFJ", "市司法局", OrgKind.SUPERVISION_BODY, AdminLevel.CITY, "CITY", "市司监");
        org("SFJ-JDK", "市司法局执法监督科", OrgKind.DEPARTMENT, AdminLevel.CITY, "SFJ", null);
        org("SCJ", "市市场监督管理局", OrgKind.AGENCY, AdminLevel.CITY, "CITY", "市市监");
        org("HBJ", "市生态环境局", OrgKind.AGENCY, AdminLevel.CITY, "CITY", "市环");
        org("CGW", "市城市管理委员会", OrgKind.AGENCY, AdminLevel.CITY, "CITY", "市城管");
        org("JW", "市纪委监委", OrgKind.COMMISSION, AdminLevel.CITY, "CITY", "市纪");
        org("XIAN", "清河县人民政府", OrgKind.GOVERNMENT, AdminLevel.COUNTY, "CITY", null);
        org("XIAN-SCJ", "清河县市场监督管理局", OrgKind.AGENCY, AdminLevel.COUNTY, "XIAN", "清市监");

        user("admin", "系统管理员", "SFJ", Role.ADMIN);
        user("integration", "数据交换接口账号", "SFJ", Role.INTEGRATION);
        user("clerk", "王芳（登记员）", "SFJ-JDK", Role.CLERK);
        user("supervisor", "李明（监督员）", "SFJ-JDK", Role.SUPERVISOR);
        user("supervisor2", "赵强（监督员）", "SFJ-JDK", Role.SUPERVISOR);
        user("lead", "陈刚（科长）", "SFJ-JDK", Role.LEAD);
        user("legal", "刘洋（法制审核员）", "SFJ", Role.LEGAL_REVIEWER);
        user("auditor", "孙丽（评查人员）", "SFJ", Role.AUDITOR);
        user("discipline", "周杰（纪委监委联络员）", "JW", Role.DISCIPLINE);
        user("agency-scj", "吴敏（市场监管局联络员）", "SCJ", Role.AGENCY);
        user("agency-hbj", "郑华（生态环境局联络员）", "HBJ", Role.AGENCY);
        log.info("Demo data created: organisations and users with password '{}' (see README).", PASSWORD);
    }

    private void org(String code, String name, OrgKind kind, AdminLevel level, String parent, String abbr) {
        orgAdmin.create(new OrgAdmin.NewOrg(code, name, kind, level, parent, abbr));
    }

    private void user(String id, String name, String org, Role role) {
        userAdmin.create(new UserAdmin.NewUser(id, name, PASSWORD, org, EnumSet.of(role)));
    }
}
