#!/usr/bin/env bash
# The README's five-minute walk-through, through the API: a citizen complains; the clerk, the lead and a
# supervisor work the complaint; its approved proposal opens a supervision letter to the agency, which signs for
# it and replies; the auditor reads the trace. Every step here can be done in Tasklist instead (see README.md).
# Needs curl and jq, and the application running on the embedded database with its demo users:
#   mvn -pl backend spring-boot:run        then        bash docs/walkthrough.sh
set -euo pipefail
API=${API:-http://localhost:8080}

call() { # user method path [json]
  local user=$1 method=$2 path=$3 body=${4:-}
  if [ -n "$body" ]; then
    curl -sS -f -u "$user:demo" -X "$method" -H 'Content-Type: application/json' -d "$body" "$API$path"
  else
    curl -sS -f -u "$user:demo" -X "$method" "$API$path"
  fi
}
# completes the complaint's current step as a user, with the fields of its form
step() { # user fields
  local task
  task=$(call lead GET "/api/complaints/$COMPLAINT" | jq -r '.currentSteps[0].taskId')
  call "$1" POST "/api/complaints/$COMPLAINT/tasks/$task/complete" "$2" | jq -c '{status, statusLabel}'
}

echo '1. 市民投诉（无需登录）：得到受理号和查询码'
TRACKING=$(curl -sS -f -X POST -H 'Content-Type: application/json' "$API/api/public/complaints" -d '{
  "anonymous": false, "complainantName": "王五", "complainantPhone": "13700002222",
  "agencyCode": "SCJ", "fieldCode": "MARKET", "occurredOn": "'"$(date -d '-3 days' +%F)"'",
  "occurredPlace": "建设路夜市", "facts": "执法人员在夜市检查时未出示执法证件即没收了我的货物。",
  "demands": "请求核查执法程序是否合法。"}' | tee /dev/stderr | jq -r .trackingNo)
echo
COMPLAINT=$(call clerk GET "/api/complaints?q=$TRACKING" | jq -r '.items[0].id')

echo '2. 登记员受理审查 → 科室负责人审批 → 分派承办人'
step clerk '{"acceptanceDecision": "ACCEPT", "reason": "属于本机关监督范围"}'
step lead '{"acceptanceApproved": true}'
step lead '{"supervisorId": "supervisor"}'

echo '3. 监督员调查，建议发监督建议书；负责人批准，建议书随即立项'
step supervisor '{"investigationAction": "PROPOSE", "proposal": "SUGGESTION_LETTER", "findings": "执法人员检查时未出示执法证件，属实。"}'
step lead '{"proposalApproved": true}'
LETTER=$(call lead GET "/api/complaints/$COMPLAINT" | jq -r '.followUps[0].targetId')

echo '4. 监督员起草 → 法制审核 → 负责人签发（取文号、生成 .docx）'
call supervisor POST "/api/letters/$LETTER/draft" '{"agencyCode": "SCJ", "title": "关于规范行政检查程序的监督建议书",
  "body": "经查，你单位执法人员在夜市检查中未出示执法证件。请依法纠正并书面回复。", "rectificationRequired": false}' >/dev/null
call legal POST "/api/letters/$LETTER/legal-review" '{"passed": true}' >/dev/null
call lead POST "/api/letters/$LETTER/sign" '{"passed": true}' | jq -c '.letter | {letterNo, docNo, status}'

echo '5. 执法部门签收并书面回复（也可在 Tasklist 中用表单完成）；监督员审查回复'
call agency-scj POST "/api/letters/$LETTER/receive" >/dev/null
call agency-scj POST "/api/letters/$LETTER/reply" '{"text": "我局已组织执法人员学习执法证件管理规定，今后检查一律亮证执法。"}' >/dev/null
call supervisor POST "/api/letters/$LETTER/reply-review" '{"passed": true}' | jq -c '.letter | {letterNo, status}'

echo "6. 审计人员查看全过程留痕：$TRACKING"
# one timeline across the complaint and the letter it led to (the engine's variable events left out here)
call auditor GET "/api/trace/$TRACKING" \
  | jq -r '.entries[] | select(.event != "SET") | [.at, .recordNo, .userId // "-", .event, .name // ""] | @tsv'
call auditor GET "/api/trace/$TRACKING/export" > "trace-$TRACKING.docx"
echo "   → trace-$TRACKING.docx"
