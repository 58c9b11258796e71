"""The bulletin as an Excel sheet (月度通报表): one row per county in rank order, Chinese headers, money with two
decimals, rates as percentages."""
from contracts.reporting import Bulletin, CountyFigures
from services.kit.xlsx import Column, write_report_xlsx

MONEY, RATE, COUNT = "#,##0.00", "0.00%", "0"
COLUMNS = [Column("县区", 16), Column("名次", 6, COUNT), Column("综合得分", 10, "0.00"), Column("名次变化", 9, COUNT),
           Column("项目总数", 9, COUNT), Column("在库项目", 9, COUNT), Column("当月入库", 9, COUNT),
           Column("当月开工", 9, COUNT), Column("停滞项目", 9, COUNT), Column("到位资金（元）", 16, MONEY),
           Column("已分配（元）", 16, MONEY), Column("已支出（元）", 16, MONEY), Column("支出进度", 10, RATE),
           Column("闲置资金（元）", 16, MONEY), Column("未销号整改", 10, COUNT), Column("逾期整改", 9, COUNT),
           Column("当月销号", 9, COUNT), Column("用工考核对象", 12, COUNT), Column("未达标", 8, COUNT),
           Column("达标", 8, COUNT), Column("未报送", 8, COUNT), Column("集体经济未达标村", 14, COUNT),
           Column("未通硬化道路自然屯", 16, COUNT), Column("数据状态", 24)]
_SOURCES = {"progress_closed": "进度", "spending_closed": "报账", "placements_closed": "安置"}


def data_state(figures: CountyFigures) -> str:
    """已关账, or 暂定 naming the sources whose month is still open (读取已关账月份); empty for older editions."""
    if figures.provisional is None:
        return ""
    open_sources = [label for name, label in _SOURCES.items() if not getattr(figures, name)]
    return f"暂定（未关账：{'、'.join(open_sources)}）" if open_sources else "已关账"


def bulletin_xlsx(bulletin: Bulletin) -> bytes:
    """The workbook of a bulletin (draft or issued edition), counties in rank order."""
    figures = {c.county_code: c for c in bulletin.counties}
    rows = []
    for r in bulletin.ranking:
        c = figures[r.county_code]
        rows.append([c.county_name, r.rank, r.score, r.change, c.entries, c.in_library, c.admitted_in_month,
                     c.started_in_month, c.stalled, c.received, c.allocated, c.spent, c.spend_rate, c.idle,
                     c.cases_open, c.cases_overdue, c.cases_closed_in_month, c.quota_subjects, c.quota_breach,
                     c.quota_compliant, c.quota_not_reported, c.collective_below_target, c.road_gaps, data_state(c)])
    edition = "草稿" if bulletin.edition is None else f"第{bulletin.edition}版"
    return write_report_xlsx(f"{bulletin.month}月度通报{edition}", COLUMNS, rows)
