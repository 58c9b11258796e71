"""The words of the reporting domain: indicators of the ranking, reminder rules, idle classes and ages, in Chinese."""
from contracts.enums import IdleClass
from contracts.reporting import ReminderRule

__all__ = ["INDICATOR_LABELS", "RULE_LABELS", "IDLE_CLASS_LABELS",
           "AGE_LABELS", "IN_LIBRARY"]

INDICATOR_LABELS = {"spend_rate": "资金支出进度", "idle_share": "闲置资金占比", "overdue_cases": "整改逾期率",
                    "quota_compliance": "用工比例达标率", "stalled_share": "项目停滞率"}

RULE_LABELS = {ReminderRule.CASE_OVERDUE: "整改事项逾期", ReminderRule.QUOTA_BREACH_RUNNING: "用工比例连续未达标",
               ReminderRule.COUNTY_AT_BOTTOM: "连续排名末位"}

IDLE_CLASS_LABELS = {IdleClass.ACCELERATE: "加快推进", IdleClass.ACCEPT_AND_SETTLE: "验收报账",
                     IdleClass.RECOVER: "收回", IdleClass.START: "督促开工", IdleClass.ASSIGN: "安排项目"}

AGE_LABELS = {"0-3": "3 个月以内", "3-6": "3–6 个月", "6-12": "6–12 个月", "12+": "12 个月以上"}

# Entries in the library (已入库 … 已报账), the denominator of the stalled share.
IN_LIBRARY = frozenset({"admitted", "planned", "started", "completed", "accepted", "settled"})
