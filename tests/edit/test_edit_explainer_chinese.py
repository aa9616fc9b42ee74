"""A Chinese issue's Explainer names its organisation in Chinese, and no answer opens on a
connective that answers a sentence not printed (为此, 因此, 对此 …). Our own text."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit import edit_issue
from digest.edit.lexicon import dangles
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]


def test_a_chinese_issue_explains_the_alliance_by_its_chinese_name(
        period: Period, make_article: MakeArticle) -> None:
    """A zh issue printed "解读：AOMA" (the acronym its Chinese name is tied to) and answered
    "What does it do?" with "为此，亚洲开放模型联盟今年10月发布了…" ("to this end", of a
    sentence not printed); found by qa40b."""
    arts = [
        make_article(("本网杭州11月18日电 西湖人工智能治理对话18日在杭州闭幕，23个国家签署声明。",
                      "本次对话由浙江省人民政府与亚洲开放模型联盟（AOMA）共同主办。亚洲开放模型联盟于"
                      "2019年在杭州成立，目前成员企业已超过300家。",
                      "会议期间，亚洲开放模型联盟发布了团体标准《开放权重模型风险管理框架》，要求开发者在"
                      "模型发布前进行风险分级。"),
                     source="科技观察", title="西湖对话闭幕 23国签署声明", language="zh", day=2),
        make_article(("人工智能生成合成内容标识规定第二阶段11月20日起施行，平台须对上传内容进行检测。",
                      "业内人士指出，不同厂商的水印技术互不兼容。为此，亚洲开放模型联盟今年10月发布了"
                      "水印互认测试套件，目前已有37家企业完成测试。",
                      "亚洲开放模型联盟专家委员会主任林巧云表示，联盟发布的标准已被不少企业和监管部门作为参考。"),
                     source="数字周刊", title="人工智能标识新规施行", language="zh", day=4),
    ]
    newsletter = Newsletter(title="中国科技周报", topics=("人工智能",), language="zh", max_stories=2)
    issue = edit_issue(period, arts, newsletter=newsletter, sources=[], health=[])
    assert issue.explainer is not None
    assert issue.explainer.entity == "亚洲开放模型联盟（AOMA）"
    answers = [s.text for q in issue.explainer.qa for s in q.answer]
    assert answers and not any(a.startswith(("为此", "因此")) for a in answers), answers
    assert dangles("为此，联盟发布了测试套件。") and dangles("因此，平台须开展检测。")
