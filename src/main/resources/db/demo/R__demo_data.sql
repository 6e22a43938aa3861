-- Demo data built from the seed (Kaifeng, 9 August 2021; see docs/demo-data.md for the figures it reproduces).
-- Only on Flyway's locations in the dev profile (db/demo), never in prod or test.
--
-- Idempotent: every row has a deterministic id, md5('ducha-demo:<entity>:<key>')::uuid, and is inserted with
-- "on conflict (id) do nothing", so a re-run (e.g. after this file's checksum changes) adds what is missing
-- and never duplicates or overwrites. Units and sites are keyed by their code; inspections, findings and
-- notices by a series name and a number. To reload changed rows, recreate the dev database.
-- Times are Asia/Shanghai (+08). No change_event rows: demo data predates the change log.

-- =====================================================================================================
-- Units (a tree): the city commission, its office and stationed teams, the county/district commissions,
-- and their groups.
-- =====================================================================================================

insert into unit (id, code, name, kind, parent_id, district, leader)
values (md5('ducha-demo:unit:KAIFENG-CITY')::uuid, 'KAIFENG-CITY', '开封市纪委监委', 'COMMISSION', null, '开封市',
        '市委常委、市纪委书记、市监委主任')
on conflict (id) do nothing;

-- Children of the city commission: its 2nd supervision office, two stationed teams, the county/district commissions.
insert into unit (id, code, name, kind, parent_id, district, leader)
select md5('ducha-demo:unit:' || v.code)::uuid, v.code, v.name, v.kind, md5('ducha-demo:unit:KAIFENG-CITY')::uuid,
       v.district, v.leader
from (values
    ('KAIFENG-OFFICE-2',    '开封市纪委监委第二监督检查室',             'OTHER',          '开封市',     null),
    ('KAIFENG-HEALTH-TEAM', '开封市纪委监委驻市卫健委纪检监察组',       'STATIONED_TEAM', '开封市',     null),
    ('KAIFENG-MARKET-TEAM', '开封市纪委监委驻市市场监管局纪检监察组',   'STATIONED_TEAM', '开封市',     null),
    ('WEISHI',              '尉氏县纪委监委',                           'COMMISSION',     '尉氏县',     null),
    ('SHIFANQU',            '示范区纪工委、监察工委',                   'COMMISSION',     '示范区',     null),
    ('LANKAO',              '兰考县纪委监委',                           'COMMISSION',     '兰考县',     null),
    ('XIANGFU',             '祥符区纪委监委',                           'COMMISSION',     '祥符区',     null),
    ('LONGTING',            '龙亭区纪委监委',                           'COMMISSION',     '龙亭区',     '区纪委书记、监委主任'),
    ('SHUNHE',              '顺河回族区纪委监委',                       'COMMISSION',     '顺河回族区', null),
    ('YUWANGTAI',           '禹王台区纪委监委',                         'COMMISSION',     '禹王台区',   null),
    ('GULOU',               '鼓楼区纪委监委',                           'COMMISSION',     '鼓楼区',     null)
) as v(code, name, kind, district, leader)
on conflict (id) do nothing;

-- Numbered groups: <PREFIX>-G1..Gn, named 第一..第八<group noun>.
insert into unit (id, code, name, kind, parent_id, district, leader)
select md5('ducha-demo:unit:' || p.prefix || '-G' || n)::uuid,
       p.prefix || '-G' || n,
       p.commission || '第' || (array['一', '二', '三', '四', '五', '六', '七', '八'])[n] || p.noun,
       'SUPERVISION_GROUP',
       md5('ducha-demo:unit:' || p.prefix)::uuid,
       p.district,
       case when p.prefix = 'LANKAO' and n = 4 then '第四督查组组长' end
from (values
    ('WEISHI',    '尉氏县纪委监委',       '督导组',       '尉氏县',   8),
    ('SHIFANQU',  '示范区纪工委',         '督导组',       '示范区',   5),
    ('LANKAO',    '兰考县纪委监委',       '督查组',       '兰考县',   8),
    ('LONGTING',  '龙亭区纪委监委',       '督导组',       '龙亭区',   3),
    ('YUWANGTAI', '禹王台区纪委监委',     '监督检查组',   '禹王台区', 4),
    ('GULOU',     '鼓楼区纪委监委',       '监督检查组',   '鼓楼区',   4)
) as p(prefix, commission, noun, district, groups)
cross join lateral generate_series(1, p.groups) as n
on conflict (id) do nothing;

-- Named groups and teams.
insert into unit (id, code, name, kind, parent_id, district, leader)
select md5('ducha-demo:unit:' || v.code)::uuid, v.code, v.name, v.kind, md5('ducha-demo:unit:' || v.parent)::uuid,
       v.district, null
from (values
    ('SHIFANQU-ACCOUNTABILITY', 'SHIFANQU', '示范区纪工委执纪问责组',                       'ACCOUNTABILITY_GROUP', '示范区'),
    ('SHIFANQU-COORDINATION',   'SHIFANQU', '示范区纪工委综合协调组',                       'COORDINATION_GROUP',   '示范区'),
    ('SHIFANQU-PUBLICITY',      'SHIFANQU', '示范区纪工委宣传报道组',                       'PUBLICITY_GROUP',      '示范区'),
    ('LANKAO-COORDINATION',     'LANKAO',   '兰考县纪委监委综合协调组',                     'COORDINATION_GROUP',   '兰考县'),
    ('LANKAO-ACCOUNTABILITY',   'LANKAO',   '兰考县纪委监委执纪问责组',                     'ACCOUNTABILITY_GROUP', '兰考县'),
    ('LANKAO-PUBLICITY',        'LANKAO',   '兰考县纪委监委宣传报道组',                     'PUBLICITY_GROUP',      '兰考县'),
    ('LANKAO-LOGISTICS',        'LANKAO',   '兰考县纪委监委后勤保障组',                     'LOGISTICS_GROUP',      '兰考县'),
    ('XIANGFU-HEALTH-TEAM',     'XIANGFU',  '祥符区纪委监委驻区卫健委纪检监察组',           'STATIONED_TEAM',       '祥符区'),
    ('SHUNHE-G1',               'SHUNHE',   '顺河回族区纪委监委督查督办防控专班督导小组',   'SUPERVISION_GROUP',    '顺河回族区')
) as v(code, parent, name, kind, district)
on conflict (id) do nothing;

-- =====================================================================================================
-- Sites. City-level bodies (and the market team's establishments) carry district 开封市, so that the
-- county/district figures below are not changed by the city teams' work.
-- =====================================================================================================

-- City health system: the 17 bodies supervised by the team stationed at the city health commission, plus one
-- site in each of the two counties/districts it visited (兰考县, 示范区). Nos. 1-2 are also fact 1's hospitals.
insert into site (id, code, name, type, district, township, address)
select md5('ducha-demo:site:' || v.code)::uuid, v.code, v.name, v.type, v.district, null, v.address
from (values
    ('KAIFENG-HOSP-TCM2',       '开封市第二中医院',               'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-INFECTIOUS', '开封市传染病医院',               'HOSPITAL',          '开封市', null),
    ('KAIFENG-CDC',             '开封市疾病预防控制中心',         'CDC',               '开封市', null),
    ('KAIFENG-REDCROSS',        '开封市红十字会',                 'OTHER',             '开封市', null),
    ('KAIFENG-HOSP-5',          '开封市第五人民医院',             'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-PEOPLE',     '开封市人民医院',                 'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-CENTRAL',    '开封市中心医院',                 'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-TCM',        '开封市中医院',                   'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-CHILDREN',   '开封市儿童医院',                 'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-MATERNAL',   '开封市妇幼保健院',               'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-2',          '开封市第二人民医院',             'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-MENTAL',     '开封市精神卫生中心',             'HOSPITAL',          '开封市', null),
    ('KAIFENG-HOSP-OCCUPATION', '开封市职业病防治院',             'HOSPITAL',          '开封市', null),
    ('KAIFENG-EMERGENCY',       '开封市120急救指挥中心',          'OTHER',             '开封市', null),
    ('KAIFENG-BLOOD',           '开封市中心血站',                 'OTHER',             '开封市', null),
    ('KAIFENG-HEALTH-COMM',     '开封市卫生健康委员会',           'GOVERNMENT_OFFICE', '开封市', null),
    ('KAIFENG-HEALTH-SUPERV',   '开封市卫生健康委员会监督局',     'GOVERNMENT_OFFICE', '开封市', null),
    ('LANKAO-HEALTH-COMM',      '兰考县卫生健康委员会',           'GOVERNMENT_OFFICE', '兰考县', null),
    ('SHIFANQU-HEALTH-TASK',    '示范区疫情防控医疗卫生工作专班', 'OTHER',             '示范区', null)
) as v(code, name, type, district, address)
on conflict (id) do nothing;

-- Market regulator team: 12 farmers' markets, 10 supermarkets, 10 pharmacies (32 establishments).
insert into site (id, code, name, type, district)
select md5('ducha-demo:site:' || k.prefix || lpad(n::text, 2, '0'))::uuid,
       k.prefix || lpad(n::text, 2, '0'),
       '开封市第' || lpad(n::text, 2, '0') || '号' || k.noun,
       k.type, '开封市'
from (values ('KAIFENG-MKT-', '农贸市场', 'MARKET', 12),
             ('KAIFENG-SM-',  '超市',     'SUPERMARKET', 10),
             ('KAIFENG-PH-',  '药店',     'PHARMACY', 10)) as k(prefix, noun, type, cnt)
cross join lateral generate_series(1, k.cnt) as n
on conflict (id) do nothing;

-- Weishi: 158 checkpoints. No. 001 is the Liuheji checkpoint of the seed (刘合集, on the border with Xinzheng).
insert into site (id, code, name, type, district, township, address)
values (md5('ducha-demo:site:WEISHI-CP-001')::uuid, 'WEISHI-CP-001', '刘合集卡点', 'CHECKPOINT', '尉氏县', '岗李乡',
        '尉氏县岗李乡刘合集村(尉氏县与新郑市交界处,交通要道)')
on conflict (id) do nothing;

insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:WEISHI-CP-' || lpad(n::text, 3, '0'))::uuid,
       'WEISHI-CP-' || lpad(n::text, 3, '0'),
       '尉氏县第' || lpad(n::text, 3, '0') || '号卡点',
       'CHECKPOINT', '尉氏县',
       (array['岗李乡', '水坡镇', '洧川镇', '朱曲镇', '蔡庄镇', '永兴镇', '张市镇', '十八里镇', '庄头镇',
              '大营镇', '大马乡', '门楼任乡', '大桥乡', '南曹乡', '邢庄乡', '小陈乡', '两湖街道'])[1 + (n - 1) % 17]
from generate_series(2, 158) as n
on conflict (id) do nothing;

-- Shifanqu: 18 sites, two of each of its 9 kinds.
insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:SHIFANQU-S-' || lpad(n::text, 2, '0'))::uuid,
       'SHIFANQU-S-' || lpad(n::text, 2, '0'),
       v.name, v.type, '示范区', v.township
from (values
    ( 1, '示范区疫情防控指挥部综合工作专班',   'OTHER',             null),
    ( 2, '示范区核酸检测工作专班',             'OTHER',             null),
    ( 3, '杏花营镇人民政府',                   'COMMUNITY_OFFICE',  '杏花营镇'),
    ( 4, '汴西湖街道办事处',                   'COMMUNITY_OFFICE',  '汴西湖街道'),
    ( 5, '示范区连霍高速开封西站卡点',         'CHECKPOINT',        '杏花营镇'),
    ( 6, '示范区郑开大道西段卡点',             'CHECKPOINT',        '汴西湖街道'),
    ( 7, '示范区第01号商场',                   'SUPERMARKET',       '宋城街道'),
    ( 8, '示范区第02号超市',                   'SUPERMARKET',       '汴西湖街道'),
    ( 9, '示范区第01号培训机构',               'SCHOOL',            '宋城街道'),
    (10, '示范区第02号培训机构',               'SCHOOL',            '汴西湖街道'),
    (11, '示范区第01号医疗机构',               'HOSPITAL',          '宋城街道'),
    (12, '示范区第02号医疗机构',               'HOSPITAL',          '杏花营镇'),
    (13, '示范区第01号在建工程项目',           'CONSTRUCTION_SITE', '汴西湖街道'),
    (14, '示范区第02号在建工程项目',           'CONSTRUCTION_SITE', '宋城街道'),
    (15, '示范区第01号核酸检测点',             'TESTING_POINT',     '宋城街道'),
    (16, '示范区第02号核酸检测点',             'TESTING_POINT',     '杏花营镇'),
    (17, '示范区第01号集中隔离点',             'QUARANTINE_SITE',   '汴西湖街道'),
    (18, '示范区第02号集中隔离点',             'QUARANTINE_SITE',   '杏花营镇')
) as v(n, name, type, township)
on conflict (id) do nothing;

-- Lankao: the county party committee compound.
insert into site (id, code, name, type, district, address)
values (md5('ducha-demo:site:LANKAO-GOV-001')::uuid, 'LANKAO-GOV-001', '兰考县委机关大院', 'GOVERNMENT_OFFICE', '兰考县',
        '兰考县委机关大院(含机关门岗)')
on conflict (id) do nothing;

-- Xiangfu: the Xiaoyinkou village testing point and 7 township health centres.
insert into site (id, code, name, type, district, township, address)
values (md5('ducha-demo:site:XIANGFU-TP-001')::uuid, 'XIANGFU-TP-001', '小尹口村核酸检测点', 'TESTING_POINT', '祥符区',
        '西姜寨乡', '祥符区西姜寨乡小尹口村')
on conflict (id) do nothing;

insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:XIANGFU-HC-' || lpad(n::text, 2, '0'))::uuid,
       'XIANGFU-HC-' || lpad(n::text, 2, '0'),
       '祥符区' || t.township || '卫生院', 'CLINIC', '祥符区', t.township
from unnest(array['西姜寨乡', '陈留镇', '朱仙镇', '仇楼镇', '八里湾镇', '杜良乡', '曲兴镇']) with ordinality as t(township, n)
on conflict (id) do nothing;

-- Longting: 15 testing points across its two townships and four sub-district offices.
insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:LONGTING-TP-' || lpad(n::text, 3, '0'))::uuid,
       'LONGTING-TP-' || lpad(n::text, 3, '0'),
       '龙亭区第' || lpad(n::text, 3, '0') || '号核酸检测点', 'TESTING_POINT', '龙亭区',
       (array['柳园口乡', '水稻乡', '北道门街道', '北书店街道', '午朝门街道', '大兴街道'])[1 + (n - 1) % 6]
from generate_series(1, 15) as n
on conflict (id) do nothing;

-- Shunhe: the G220 checkpoint east of the power plant, and the 7 Aug round: 5 township/sub-district offices,
-- 7 testing points, 2 markets, 2 quarantine sites (and that checkpoint).
insert into site (id, code, name, type, district, address)
values (md5('ducha-demo:site:SHUNHE-CP-001')::uuid, 'SHUNHE-CP-001', '电厂东G220疫情防控盘查卡点', 'CHECKPOINT',
        '顺河回族区', 'G220国道电厂东')
on conflict (id) do nothing;

insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:' || v.code)::uuid, v.code, v.name, v.type, '顺河回族区', v.township
from (
    select 'SHUNHE-OFF-' || lpad(n::text, 2, '0'), t, t || case when t like '%乡' then '人民政府' else '办事处' end,
           'COMMUNITY_OFFICE'
    from unnest(array['东郊乡', '土柏岗乡', '清平街道', '曹门街道', '宋门街道']) with ordinality as o(t, n)
    union all
    select 'SHUNHE-TP-' || lpad(n::text, 2, '0'),
           (array['东郊乡', '土柏岗乡', '清平街道', '曹门街道', '宋门街道', '铁塔街道', '工业街道'])[n],
           '顺河回族区第' || lpad(n::text, 2, '0') || '号核酸检测点', 'TESTING_POINT'
    from generate_series(1, 7) as n
    union all
    select 'SHUNHE-MKT-' || lpad(n::text, 2, '0'), null, '顺河回族区第' || lpad(n::text, 2, '0') || '号农贸市场', 'MARKET'
    from generate_series(1, 2) as n
    union all
    select 'SHUNHE-QS-' || lpad(n::text, 2, '0'), null, '顺河回族区第' || lpad(n::text, 2, '0') || '号集中隔离点',
           'QUARANTINE_SITE'
    from generate_series(1, 2) as n
) as v(code, township, name, type)
on conflict (id) do nothing;

-- Yuwangtai: 7 township/sub-district offices and 38 testing points.
insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:YUWANGTAI-OFF-' || lpad(n::text, 2, '0'))::uuid,
       'YUWANGTAI-OFF-' || lpad(n::text, 2, '0'),
       t || case when t like '%乡' then '人民政府' else '办事处' end, 'COMMUNITY_OFFICE', '禹王台区', t
from unnest(array['三里堡街道', '新门关街道', '菜市街道', '繁塔街道', '官坊街道', '五里堡街道', '南郊乡'])
     with ordinality as o(t, n)
on conflict (id) do nothing;

insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:YUWANGTAI-TP-' || lpad(n::text, 3, '0'))::uuid,
       'YUWANGTAI-TP-' || lpad(n::text, 3, '0'),
       '禹王台区第' || lpad(n::text, 3, '0') || '号核酸检测点', 'TESTING_POINT', '禹王台区',
       (array['三里堡街道', '新门关街道', '菜市街道', '繁塔街道', '官坊街道', '五里堡街道', '南郊乡'])[1 + (n - 1) % 7]
from generate_series(1, 38) as n
on conflict (id) do nothing;

-- Gulou: 8 sub-district offices, 23 checkpoints, 8 testing points, 2 supermarkets, 1 elderly-care home,
-- 5 enterprises (47 sites).
insert into site (id, code, name, type, district, township)
select md5('ducha-demo:site:' || v.code)::uuid, v.code, v.name, v.type, '鼓楼区', v.township
from (
    select 'GULOU-OFF-' || lpad(n::text, 2, '0'), t, t || '办事处', 'COMMUNITY_OFFICE'
    from unnest(array['西司门街道', '相国寺街道', '新华街道', '卧龙街道', '州桥街道', '五一街道', '南苑街道',
                      '仙人庄街道']) with ordinality as o(t, n)
    union all
    select 'GULOU-CP-' || lpad(n::text, 3, '0'),
           (array['西司门街道', '相国寺街道', '新华街道', '卧龙街道', '州桥街道', '五一街道', '南苑街道',
                  '仙人庄街道'])[1 + (n - 1) % 8],
           '鼓楼区第' || lpad(n::text, 3, '0') || '号卡点', 'CHECKPOINT'
    from generate_series(1, 23) as n
    union all
    select 'GULOU-TP-' || lpad(n::text, 2, '0'),
           (array['西司门街道', '相国寺街道', '新华街道', '卧龙街道', '州桥街道', '五一街道', '南苑街道',
                  '仙人庄街道'])[n],
           '鼓楼区第' || lpad(n::text, 2, '0') || '号集中核酸检测点', 'TESTING_POINT'
    from generate_series(1, 8) as n
    union all
    select 'GULOU-SM-' || lpad(n::text, 2, '0'), null, '鼓楼区第' || lpad(n::text, 2, '0') || '号商超', 'SUPERMARKET'
    from generate_series(1, 2) as n
    union all
    select 'GULOU-EC-01', '南苑街道', '鼓楼区第01号养老院', 'ELDERLY_CARE'
    union all
    select 'GULOU-EN-' || lpad(n::text, 2, '0'), null, '鼓楼区第' || lpad(n::text, 2, '0') || '号企业', 'ENTERPRISE'
    from generate_series(1, 5) as n
) as v(code, township, name, type)
on conflict (id) do nothing;

-- =====================================================================================================
-- Inspections (visits). UNANNOUNCED where the seed says 四不两直 / 不打招呼、直奔现场 (Gulou, city health team);
-- SCHEDULED elsewhere.
-- =====================================================================================================

-- Fact 1: the 2nd supervision office with the health team and infection-control experts, 7 Aug morning.
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
values
    (md5('ducha-demo:inspection:city-office:1')::uuid, md5('ducha-demo:unit:KAIFENG-OFFICE-2')::uuid,
     md5('ducha-demo:site:KAIFENG-HOSP-TCM2')::uuid, timestamptz '2021-08-07 09:00+08', 6, 'SCHEDULED',
     '第二监督检查室与驻市卫健委纪检监察组组成监督检查组,带领市人民医院控感专家检查疫情防控、院感防控落实情况', 'demo'),
    (md5('ducha-demo:inspection:city-office:2')::uuid, md5('ducha-demo:unit:KAIFENG-OFFICE-2')::uuid,
     md5('ducha-demo:site:KAIFENG-HOSP-INFECTIOUS')::uuid, timestamptz '2021-08-07 10:40+08', 6, 'SCHEDULED',
     '第二监督检查室与驻市卫健委纪检监察组组成监督检查组,带领市人民医院控感专家检查疫情防控、院感防控落实情况', 'demo')
on conflict (id) do nothing;

-- Fact 2, Weishi: the 7 Aug morning visit to the Liuheji checkpoint, and 199 round-the-clock visits by the 8 groups
-- (every 47 minutes from 1 Aug 08:00; visit n goes to checkpoint 1 + (n-1) % 158, so all 158 are covered).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
values (md5('ducha-demo:inspection:weishi:0')::uuid, md5('ducha-demo:unit:WEISHI-G1')::uuid,
        md5('ducha-demo:site:WEISHI-CP-001')::uuid, timestamptz '2021-08-07 09:30+08', 3, 'SCHEDULED',
        '刘合集村地处尉氏县和新郑市交界处,防控压力大,叮嘱值守人员严防死守', 'demo')
on conflict (id) do nothing;

insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:weishi:' || n)::uuid,
       md5('ducha-demo:unit:WEISHI-G' || (1 + (n - 1) % 8))::uuid,
       md5('ducha-demo:site:WEISHI-CP-' || lpad((1 + (n - 1) % 158)::text, 3, '0'))::uuid,
       timestamptz '2021-08-01 08:00+08' + (n - 1) * interval '47 minutes',
       2 + n % 3, 'SCHEDULED', null, 'demo'
from generate_series(1, 199) as n
on conflict (id) do nothing;

-- Fact 3, Shifanqu: 18 visits by the 5 groups and the accountability group, 58 person-visits in all
-- (4 visits of 4 people, 14 of 3).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:shifanqu:' || n)::uuid,
       md5('ducha-demo:unit:' || (array['SHIFANQU-G1', 'SHIFANQU-G2', 'SHIFANQU-G3', 'SHIFANQU-G4', 'SHIFANQU-G5',
                                        'SHIFANQU-ACCOUNTABILITY'])[1 + (n - 1) % 6])::uuid,
       md5('ducha-demo:site:SHIFANQU-S-' || lpad(n::text, 2, '0'))::uuid,
       timestamptz '2021-08-05 09:00+08' + ((n - 1) / 6) * interval '1 day' + ((n - 1) % 6) * interval '75 minutes',
       case when n <= 4 then 4 else 3 end, 'SCHEDULED', null, 'demo'
from generate_series(1, 18) as n
on conflict (id) do nothing;

-- Fact 4, Lankao: the 4th group at the county party compound early on 7 Aug.
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
values (md5('ducha-demo:inspection:lankao:1')::uuid, md5('ducha-demo:unit:LANKAO-G4')::uuid,
        md5('ducha-demo:site:LANKAO-GOV-001')::uuid, timestamptz '2021-08-07 07:30+08', 3, 'SCHEDULED',
        '检查疫情防控措施落实、值班值守、消杀情况(每日消杀次数及记录)、楼门值班和核酸检测情况;日督查、日汇报、日反馈', 'demo')
on conflict (id) do nothing;

-- Fact 5, Xiangfu health team: the Xiaoyinkou testing point (7 Aug morning) and the 7 township health centres.
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
values (md5('ducha-demo:inspection:xiangfu:0')::uuid, md5('ducha-demo:unit:XIANGFU-HEALTH-TEAM')::uuid,
        md5('ducha-demo:site:XIANGFU-TP-001')::uuid, timestamptz '2021-08-07 09:00+08', 3, 'SCHEDULED',
        '全员核酸检测现场秩序', 'demo')
on conflict (id) do nothing;

insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:xiangfu:' || n)::uuid, md5('ducha-demo:unit:XIANGFU-HEALTH-TEAM')::uuid,
       md5('ducha-demo:site:XIANGFU-HC-' || lpad(n::text, 2, '0'))::uuid,
       timestamptz '2021-08-04 09:00+08' + ((n - 1) / 2) * interval '1 day' + ((n - 1) % 2) * interval '4 hours',
       3, 'SCHEDULED', '查看新冠防疫物资发放底册、领取明细表及全员核酸检测工作', 'demo'
from generate_series(1, 7) as n
on conflict (id) do nothing;

-- Fact 6, Longting: the 3 groups at the 15 testing points on 7 Aug, the first day of district-wide testing.
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:longting:' || n)::uuid,
       md5('ducha-demo:unit:LONGTING-G' || (1 + (n - 1) % 3))::uuid,
       md5('ducha-demo:site:LONGTING-TP-' || lpad(n::text, 3, '0'))::uuid,
       timestamptz '2021-08-07 08:00+08' + ((n - 1) / 3) * interval '90 minutes',
       3, 'SCHEDULED', null, 'demo'
from generate_series(1, 15) as n
on conflict (id) do nothing;

-- Fact 7, Shunhe: the G220 checkpoint and the 7 Aug round of 17 sites (the checkpoint is one of them).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:shunhe:' || n)::uuid, md5('ducha-demo:unit:SHUNHE-G1')::uuid,
       md5('ducha-demo:site:' || v.code)::uuid,
       timestamptz '2021-08-07 08:30+08' + (n - 1) * interval '35 minutes',
       2, 'SCHEDULED',
       case when v.code = 'SHUNHE-CP-001' then '8月6日至7日共检测车辆1120辆,其中劝返车辆803辆,检测人员269人;运行正常,车辆通行通畅' end,
       'demo'
from (values ( 1, 'SHUNHE-CP-001'), ( 2, 'SHUNHE-OFF-01'), ( 3, 'SHUNHE-OFF-02'), ( 4, 'SHUNHE-OFF-03'),
             ( 5, 'SHUNHE-OFF-04'), ( 6, 'SHUNHE-OFF-05'), ( 7, 'SHUNHE-TP-01'),  ( 8, 'SHUNHE-TP-02'),
             ( 9, 'SHUNHE-TP-03'),  (10, 'SHUNHE-TP-04'),  (11, 'SHUNHE-TP-05'),  (12, 'SHUNHE-TP-06'),
             (13, 'SHUNHE-TP-07'),  (14, 'SHUNHE-MKT-01'), (15, 'SHUNHE-MKT-02'), (16, 'SHUNHE-QS-01'),
             (17, 'SHUNHE-QS-02')) as v(n, code)
on conflict (id) do nothing;

-- Fact 8, Yuwangtai: the 4 groups, in the rain, at the 7 offices and all 38 testing points (7-8 Aug).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:yuwangtai:' || n)::uuid,
       md5('ducha-demo:unit:YUWANGTAI-G' || (1 + (n - 1) % 4))::uuid,
       md5('ducha-demo:site:' || case when n <= 7 then 'YUWANGTAI-OFF-' || lpad(n::text, 2, '0')
                                      else 'YUWANGTAI-TP-' || lpad((n - 7)::text, 3, '0') end)::uuid,
       timestamptz '2021-08-07 08:00+08' + ((n - 1) / 4) * interval '70 minutes',
       3, 'SCHEDULED', case when n <= 7 then '冒雨开展“车轮式”现场督查' end, 'demo'
from generate_series(1, 45) as n
on conflict (id) do nothing;

-- Fact 9, Gulou: the 4 groups, unannounced, at all 47 sites (keyed by site code; "s.id = md5(...)" keeps to the
-- demo's own sites).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:gulou:' || s.code)::uuid,
       md5('ducha-demo:unit:GULOU-G' || (1 + (s.n - 1) % 4))::uuid,
       s.id,
       timestamptz '2021-08-05 09:00+08' + ((s.n - 1) / 12) * interval '1 day' + ((s.n - 1) % 12) * interval '40 minutes',
       2, 'UNANNOUNCED', '“四不两直”督查督办', 'demo'
from (select id, code, row_number() over (order by code) as n from site
      where code like 'GULOU-%' and id = md5('ducha-demo:site:' || code)::uuid) as s
on conflict (id) do nothing;

-- Fact 10, city health team: 34 unannounced visits over 7 days (2-8 Aug) to its 17 bodies and the two
-- counties/districts (visit n goes to site 1 + (n-1) % 19 of the list above; No. 5 hospital: supply reserves).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:health-team:' || n)::uuid, md5('ducha-demo:unit:KAIFENG-HEALTH-TEAM')::uuid,
       md5('ducha-demo:site:' || (array['KAIFENG-HOSP-TCM2', 'KAIFENG-HOSP-INFECTIOUS', 'KAIFENG-CDC', 'KAIFENG-REDCROSS',
           'KAIFENG-HOSP-5', 'KAIFENG-HOSP-PEOPLE', 'KAIFENG-HOSP-CENTRAL', 'KAIFENG-HOSP-TCM', 'KAIFENG-HOSP-CHILDREN',
           'KAIFENG-HOSP-MATERNAL', 'KAIFENG-HOSP-2', 'KAIFENG-HOSP-MENTAL', 'KAIFENG-HOSP-OCCUPATION',
           'KAIFENG-EMERGENCY', 'KAIFENG-BLOOD', 'KAIFENG-HEALTH-COMM', 'KAIFENG-HEALTH-SUPERV',
           'LANKAO-HEALTH-COMM', 'SHIFANQU-HEALTH-TASK'])[1 + (n - 1) % 19])::uuid,
       timestamptz '2021-08-02 09:00+08' + ((n - 1) / 5) * interval '1 day' + ((n - 1) % 5) * interval '90 minutes',
       3, 'UNANNOUNCED',
       case when 1 + (n - 1) % 19 = 5 then '重点检查疫情防控物资储备' else '不打招呼、直奔现场' end, 'demo'
from generate_series(1, 34) as n
on conflict (id) do nothing;

-- Fact 11, city market regulator team: 32 establishments, one visit each (3-8 Aug).
insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, notes, created_by)
select md5('ducha-demo:inspection:market-team:' || s.code)::uuid, md5('ducha-demo:unit:KAIFENG-MARKET-TEAM')::uuid,
       s.id,
       timestamptz '2021-08-03 09:00+08' + ((s.n - 1) / 6) * interval '1 day' + ((s.n - 1) % 6) * interval '70 minutes',
       2, 'SCHEDULED', '查看市场价格、市场供应及食品安全情况,发放提醒告诫书', 'demo'
from (select id, code, row_number() over (order by code) as n from site
      where (code like 'KAIFENG-MKT-%' or code like 'KAIFENG-SM-%' or code like 'KAIFENG-PH-%')
        and id = md5('ducha-demo:site:' || code)::uuid) as s
on conflict (id) do nothing;

-- =====================================================================================================
-- Findings. Each takes its unit, site and time from the inspection it belongs to.
-- =====================================================================================================

-- Fact 2, Weishi: 119 found and resolved. Split: every third one (39) was followed up (fixed within a day or two,
-- then VERIFIED); the other 80 were rectified on the spot (RECTIFIED).
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:weishi:' || g.n)::uuid, i.unit_id, i.site_id, i.id, d.category,
       case when g.n % 7 = 0 then 'MEDIUM' else 'LOW' end,
       d.description, i.started_at + interval '20 minutes',
       case when g.n % 3 = 0 then i.started_at + interval '2 days' end,
       case when g.n % 3 = 0 then 'VERIFIED' else 'RECTIFIED' end,
       g.n % 3 <> 0,
       case when g.n % 3 = 0 then i.started_at + interval '1 day' + (g.n % 20) * interval '1 hour'
            else i.started_at + interval '40 minutes' end,
       case when g.n % 3 = 0 then '督促属地乡镇限期整改,复查已整改到位' else '现场督促整改到位' end,
       'demo'
from generate_series(1, 119) as g(n)
join inspection i on i.id = md5('ducha-demo:inspection:weishi:' || (1 + ((g.n - 1) * 5) % 199))::uuid
cross join lateral (select
    (array['DUTY_ROSTER', 'RECORD_KEEPING', 'DISINFECTION', 'SUPPLIES', 'DUTY_ROSTER', 'TESTING_PROCEDURE',
           'RECORD_KEEPING', 'CROWD_CONTROL'])[1 + (g.n - 1) % 8] as category,
    (array['值守人员脱岗,卡点无人查验过往车辆',
           '过往车辆和人员登记台账记录不全',
           '卡点值守区域未按要求定时消杀,消杀记录缺失',
           '测温枪、口罩等防疫物资储备不足',
           '值班排班表未张贴上墙,夜间值守人员不明确',
           '对外地来尉车辆未严格查验健康码和行程码',
           '劝返车辆信息未登记汇总',
           '查验车辆排队过长,现场疏导不力'])[1 + (g.n - 1) % 8] as description) d
on conflict (id) do nothing;

-- Fact 3, Shifanqu: 30 problems, all rectified on site.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:shifanqu:' || g.n)::uuid, i.unit_id, i.site_id, i.id, d.category, 'LOW', d.description,
       i.started_at + interval '25 minutes', null, 'RECTIFIED', true, i.started_at + interval '50 minutes',
       '现场督促整改到位', 'demo'
from generate_series(1, 30) as g(n)
join inspection i on i.id = md5('ducha-demo:inspection:shifanqu:' || (1 + (g.n - 1) % 18))::uuid
cross join lateral (select
    (array['RECORD_KEEPING', 'DUTY_ROSTER', 'DISINFECTION', 'CROWD_CONTROL', 'SUPPLIES', 'OTHER'])[1 + (g.n - 1) % 6]
        as category,
    (array['出入人员登记不规范,部分信息缺失',
           '值班值守人员不在岗',
           '公共区域消杀不到位,未留存消杀记录',
           '人员聚集,未保持安全距离',
           '口罩、消毒液等防疫物资储备不足',
           '进入场所未严格落实扫码、测温措施'])[1 + (g.n - 1) % 6] as description) d
on conflict (id) do nothing;

-- Fact 5, Xiangfu health team: 21 problems, 21 fixed at once. No. 1 is the queue spacing at Xiaoyinkou.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:xiangfu:' || g.n)::uuid, i.unit_id, i.site_id, i.id, d.category,
       case when g.n = 1 then 'MEDIUM' else 'LOW' end, d.description,
       i.started_at + interval '15 minutes', null, 'RECTIFIED', true, i.started_at + interval '25 minutes',
       case when g.n = 1 then '督促相关人员马上纠正,屋外排队间隔1米,不扎堆聊天' else '要求现场立行立改' end, 'demo'
from generate_series(1, 21) as g(n)
join inspection i on i.id = md5('ducha-demo:inspection:xiangfu:' || (g.n - 1) % 8)::uuid
cross join lateral (select
    case when g.n = 1 then 'CROWD_CONTROL'
         when (g.n - 1) % 8 = 0 then (array['TESTING_PROCEDURE', 'SUPPLIES'])[1 + ((g.n - 1) / 8) % 2]
         else (array['RECORD_KEEPING', 'SUPPLIES', 'RECORD_KEEPING', 'DISINFECTION', 'TESTING_PROCEDURE'])[1 + g.n % 5]
    end as category,
    case when g.n = 1 then '群众排队秩序混乱,屋外排队未保持1米间隔,有扎堆聊天现象'
         when (g.n - 1) % 8 = 0 then (array['采样登记信息录入不及时', '采样点防护用品摆放混乱'])[1 + ((g.n - 1) / 8) % 2]
         else (array['新冠防疫物资发放底册记录不完整',
                     '防疫物资领取明细表缺少领取人签字',
                     '物资出入库台账与实物不符',
                     '发热门诊消杀记录不全',
                     '全员核酸检测采样人员调配不足'])[1 + g.n % 5]
    end as description) d
on conflict (id) do nothing;

-- Fact 6, Longting: 18 problems found and fixed on site.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:longting:' || g.n)::uuid, i.unit_id, i.site_id, i.id, d.category, 'LOW', d.description,
       i.started_at + interval '20 minutes', null, 'RECTIFIED', true, i.started_at + interval '45 minutes',
       '现场反馈,协助解决', 'demo'
from generate_series(1, 18) as g(n)
join inspection i on i.id = md5('ducha-demo:inspection:longting:' || (1 + (g.n - 1) % 15))::uuid
cross join lateral (select
    (array['SUPPLIES', 'SUPPLIES', 'CROWD_CONTROL', 'TESTING_PROCEDURE', 'DUTY_ROSTER'])[1 + (g.n - 1) % 5] as category,
    (array['核酸检测采样管、试剂等检测物资不足,需及时补充',
           '检测点未配备防暑降温药品',
           '排队群众聚集,现场秩序维持力量不足',
           '采样后样本未及时转运登记',
           '检测点志愿者排班不清,交接不及时'])[1 + (g.n - 1) % 5] as description) d
on conflict (id) do nothing;

-- Fact 7, Shunhe: 4 problems, fixed at once (testing point, market, quarantine site, checkpoint).
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:shunhe:' || v.n)::uuid, i.unit_id, i.site_id, i.id, v.category, 'LOW', v.description,
       i.started_at + interval '15 minutes', null, 'RECTIFIED', true, i.started_at + interval '30 minutes',
       '已督促相关单位立行立改', 'demo'
from (values (1,  7, 'CROWD_CONTROL',  '核酸检测点排队人员间隔不足1米'),
             (2, 14, 'DISINFECTION',   '市场公共区域消杀记录未及时填写'),
             (3, 16, 'DUTY_ROSTER',    '集中隔离点出入口值守人员登记交接不规范'),
             (4,  1, 'RECORD_KEEPING', '卡点劝返车辆台账未按日汇总')) as v(n, visit, category, description)
join inspection i on i.id = md5('ducha-demo:inspection:shunhe:' || v.visit)::uuid
on conflict (id) do nothing;

-- Fact 8, Yuwangtai: 6 problems pushed to rectification (followed up, fixed the next day: RECTIFIED).
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:yuwangtai:' || g.n)::uuid, i.unit_id, i.site_id, i.id, d.category, 'MEDIUM',
       d.description, i.started_at + interval '20 minutes', i.started_at + interval '1 day', 'RECTIFIED', false,
       i.started_at + interval '18 hours', '推动整改到位', 'demo'
from generate_series(1, 6) as g(n)
join inspection i on i.id = md5('ducha-demo:inspection:yuwangtai:' || (7 + g.n * 6))::uuid
cross join lateral (select
    (array['DUTY_ROSTER', 'DISINFECTION', 'CROWD_CONTROL'])[1 + (g.n - 1) % 3] as category,
    (array['检测点工作人员配备不足,采样台与登记台衔接不畅',
           '环境消杀不到位,消杀记录不全',
           '雨天群众在棚内聚集,未有效避免聚集'])[1 + (g.n - 1) % 3] as description) d
on conflict (id) do nothing;

-- Fact 9, Gulou: 5 problems, all rectified on site.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:gulou:' || v.n)::uuid, i.unit_id, i.site_id, i.id, v.category, 'LOW', v.description,
       i.started_at + interval '15 minutes', null, 'RECTIFIED', true, i.started_at + interval '35 minutes',
       '全部现场整改到位', 'demo'
from (values (1, 'GULOU-TP-02',  'CROWD_CONTROL', '集中核酸检测点现场秩序混乱,一米线未落实'),
             (2, 'GULOU-CP-005', 'DUTY_ROSTER',   '卡点值守人员不足,存在空岗'),
             (3, 'GULOU-CP-017', 'RECORD_KEEPING','卡点车辆人员登记不全'),
             (4, 'GULOU-EN-03',  'DISINFECTION',  '企业员工食堂未按要求消杀'),
             (5, 'GULOU-SM-01',  'OTHER',         '商超入口未严格落实扫码、测温')) as v(n, site_code, category, description)
join inspection i on i.id = md5('ducha-demo:inspection:gulou:' || v.site_code)::uuid
on conflict (id) do nothing;

-- Fact 10, city health team: 4 problems, followed up and rectified (supply reserves at the No. 5 hospital among them).
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:health-team:' || v.n)::uuid, i.unit_id, i.site_id, i.id, v.category, 'MEDIUM',
       v.description, i.started_at + interval '30 minutes', i.started_at + interval '3 days', 'RECTIFIED', false,
       i.started_at + interval '2 days', '督促整改到位', 'demo'
from (values (1,  5, 'SUPPLIES',       '疫情防控物资储备不足,未按要求建立物资储备台账'),
             (2,  3, 'RECORD_KEEPING', '流调溯源工作记录归档不及时'),
             (3,  2, 'DISINFECTION',   '隔离病区医疗废物暂存点消杀频次不足'),
             (4, 25, 'DUTY_ROSTER',    '应急值班值守安排不明确,值班表未及时更新')) as v(n, visit, category, description)
join inspection i on i.id = md5('ducha-demo:inspection:health-team:' || v.visit)::uuid
on conflict (id) do nothing;

-- Fact 11, city market team: 11 problems, all corrected on site and referred to the local regulator.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:market-team:' || v.n)::uuid, i.unit_id, i.site_id, i.id, v.category, 'LOW',
       v.description, i.started_at + interval '20 minutes', null, 'RECTIFIED', true, i.started_at + interval '40 minutes',
       '已现场纠正,并反馈属地市场监管部门及时整改', 'demo'
from (values ( 1, 'KAIFENG-MKT-01', 'PRICING',     '部分蔬菜未明码标价'),
             ( 2, 'KAIFENG-MKT-03', 'PRICING',     '价格标签与实际售价不符'),
             ( 3, 'KAIFENG-MKT-05', 'FOOD_SAFETY', '冷鲜肉进货查验记录不全,无法追溯来源'),
             ( 4, 'KAIFENG-MKT-08', 'PRICING',     '部分蔬菜、鸡蛋未明码标价'),
             ( 5, 'KAIFENG-MKT-11', 'FOOD_SAFETY', '散装熟食未采取防尘防蝇措施'),
             ( 6, 'KAIFENG-SM-02',  'FOOD_SAFETY', '部分预包装食品超过保质期仍在销售'),
             ( 7, 'KAIFENG-SM-04',  'PRICING',     '促销商品价格标签与结算价格不一致'),
             ( 8, 'KAIFENG-SM-07',  'PRICING',     '米面油等民生商品未标示价格'),
             ( 9, 'KAIFENG-PH-01',  'PRICING',     '口罩未明码标价'),
             (10, 'KAIFENG-PH-05',  'PRICING',     '消毒液、酒精等防疫用品价格标签缺失'),
             (11, 'KAIFENG-PH-09',  'PRICING',     '体温计标价与实际售价不符')) as v(n, site_code, category, description)
join inspection i on i.id = md5('ducha-demo:inspection:market-team:' || v.site_code)::uuid
on conflict (id) do nothing;

-- The city commission's 2nd supervision office: 4 problems still open, past their deadlines, so that "overdue"
-- shows something. Fact 1 states no problem count, so no seed figure changes.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, rectification_note, reported_by)
select md5('ducha-demo:finding:city-office:' || v.n)::uuid, i.unit_id, i.site_id, i.id, v.category, v.severity,
       v.description, i.started_at + v.delay, v.due, v.status, false, null, null, 'demo'
from (values
    (1, 1, 'RECORD_KEEPING', 'MEDIUM', '预检分诊登记信息不全,部分就诊人员未登记行程轨迹', interval '30 minutes',
        timestamptz '2021-08-10 18:00+08', 'OPEN'),
    (2, 1, 'DISINFECTION',   'HIGH',   '发热门诊医疗废物暂存点消毒记录缺失', interval '50 minutes',
        timestamptz '2021-08-09 18:00+08', 'RECTIFYING'),
    (3, 2, 'OTHER',          'HIGH',   '院感防控培训未覆盖全部保洁和安保人员', interval '30 minutes',
        timestamptz '2021-08-08 18:00+08', 'ESCALATED'),
    (4, 2, 'CROWD_CONTROL',  'MEDIUM', '门诊候诊区未落实一米线间隔,候诊人员聚集', interval '45 minutes',
        timestamptz '2021-08-09 12:00+08', 'OPEN')
) as v(n, visit, category, severity, description, delay, due, status)
join inspection i on i.id = md5('ducha-demo:inspection:city-office:' || v.visit)::uuid
on conflict (id) do nothing;

-- =====================================================================================================
-- Notices, and the findings they cite.
-- =====================================================================================================

-- Weishi: 4 bulletins (2, 4, 6, 8 Aug); each cites the followed-up findings of the two days before it.
insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
select md5('ducha-demo:notice:weishi:' || n)::uuid, md5('ducha-demo:unit:WEISHI')::uuid, null, 'BULLETIN',
       '尉氏县纪委监委疫情防控督查通报(第' || n || '期)',
       '通报近期督导组在全县卡点督导检查中发现的问题及整改情况。',
       timestamptz '2021-08-02 18:00+08' + (n - 1) * interval '2 days', 'demo'
from generate_series(1, 4) as n
on conflict (id) do nothing;

insert into notice_finding (notice_id, finding_id)
select md5('ducha-demo:notice:weishi:' || b.n)::uuid, f.id
from generate_series(1, 4) as b(n)
join generate_series(1, 119) as g(n) on g.n % 3 = 0
join finding f on f.id = md5('ducha-demo:finding:weishi:' || g.n)::uuid
where f.found_at <  timestamptz '2021-08-02 18:00+08' + (b.n - 1) * interval '2 days'
  and f.found_at >= timestamptz '2021-08-02 18:00+08' + (b.n - 2) * interval '2 days'
on conflict do nothing;

-- Longting: 5 suggestions; suggestion k cites the findings n with (n - 1) % 5 = k - 1.
insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
select md5('ducha-demo:notice:longting:' || n)::uuid, md5('ducha-demo:unit:LONGTING')::uuid, null, 'SUGGESTION',
       (array['关于及时补充核酸检测物资的建议',
              '关于为检测点配备防暑药品的建议',
              '关于加强检测点现场秩序维持的建议',
              '关于规范样本转运登记的建议',
              '关于明确志愿者排班交接的建议'])[n],
       '针对全员核酸检测监督检查中发现的问题提出解决建议。',
       timestamptz '2021-08-07 20:00+08' + (n - 1) * interval '30 minutes', 'demo'
from generate_series(1, 5) as n
on conflict (id) do nothing;

insert into notice_finding (notice_id, finding_id)
select md5('ducha-demo:notice:longting:' || (1 + (g.n - 1) % 5))::uuid, md5('ducha-demo:finding:longting:' || g.n)::uuid
from generate_series(1, 18) as g(n)
on conflict do nothing;

-- Yuwangtai: 12 suggestions and 1 special bulletin (which cites all 6 findings).
insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
select md5('ducha-demo:notice:yuwangtai:' || n)::uuid, md5('ducha-demo:unit:YUWANGTAI')::uuid, null, 'SUGGESTION',
       '禹王台区纪委监委意见建议(第' || n || '条):' ||
       (array['合理配备检测点工作人员', '落实环境消杀并做好记录', '雨天设置避雨排队区域,避免聚集',
              '加强检测点秩序引导', '做好采样物资储备', '规范检测信息登记'])[1 + (n - 1) % 6],
       null,
       timestamptz '2021-08-07 19:00+08' + (n - 1) * interval '20 minutes', 'demo'
from generate_series(1, 12) as n
on conflict (id) do nothing;

insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
values (md5('ducha-demo:notice:yuwangtai:bulletin')::uuid, md5('ducha-demo:unit:YUWANGTAI')::uuid, null, 'BULLETIN',
        '关于全区核酸检测点疫情防控监督检查情况的专题通报',
        '4个监督检查组分赴全区7个乡(街道)、38个检测点开展“车轮式”现场督查,实现检测点监督全覆盖。',
        timestamptz '2021-08-08 17:00+08', 'demo')
on conflict (id) do nothing;

insert into notice_finding (notice_id, finding_id)
select md5('ducha-demo:notice:yuwangtai:bulletin')::uuid, md5('ducha-demo:finding:yuwangtai:' || n)::uuid
from generate_series(1, 6) as n
on conflict do nothing;

-- City health team: 1 work suggestion (citing its 4 findings) and 1 accountability warning.
insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
values
    (md5('ducha-demo:notice:health-team:suggestion')::uuid, md5('ducha-demo:unit:KAIFENG-HEALTH-TEAM')::uuid, null,
     'SUGGESTION', '关于加强医疗卫生机构疫情防控物资储备和院感防控管理的工作建议', null,
     timestamptz '2021-08-06 17:00+08', 'demo'),
    (md5('ducha-demo:notice:health-team:warning')::uuid, md5('ducha-demo:unit:KAIFENG-HEALTH-TEAM')::uuid, null,
     'ACCOUNTABILITY_WARNING', '关于疫情防控责任落实不到位的问责预警', null,
     timestamptz '2021-08-08 17:00+08', 'demo')
on conflict (id) do nothing;

insert into notice_finding (notice_id, finding_id)
select md5('ducha-demo:notice:health-team:suggestion')::uuid, md5('ducha-demo:finding:health-team:' || n)::uuid
from generate_series(1, 4) as n
on conflict do nothing;

-- City market team: one reminder letter on price marking handed to each establishment it inspected;
-- each cites the PRICING findings at that establishment.
insert into notice (id, unit_id, site_id, kind, title, body, issued_at, issued_by)
select md5('ducha-demo:notice:market-team:' || s.code)::uuid, i.unit_id, i.site_id, 'REMINDER',
       '关于规范新冠肺炎疫情防控期间市场价格行为的提醒告诫书',
       '要求经营者严格依法明码标价,加强食品安全排查,防范问题产品流入市场,自觉维护市场经营秩序。',
       i.started_at + interval '45 minutes', 'demo'
from inspection i
join site s on s.id = i.site_id
where i.id = md5('ducha-demo:inspection:market-team:' || s.code)::uuid
on conflict (id) do nothing;

insert into notice_finding (notice_id, finding_id)
select md5('ducha-demo:notice:market-team:' || s.code)::uuid, f.id
from finding f
join site s on s.id = f.site_id
where f.id in (select md5('ducha-demo:finding:market-team:' || n)::uuid from generate_series(1, 11) as n)
  and f.category = 'PRICING'
on conflict do nothing;

-- =====================================================================================================
-- Campaigns (issue 16): the two drives the seed reports as coverage of a whole set of points. Targets by rule
-- (site type and district), resolved here as the service resolves a rule: the active sites matching it.
-- =====================================================================================================

-- Yuwangtai: "38 testing points, full coverage" (实现对检测点监督全覆盖), 7-8 Aug.
insert into campaign (id, code, name, description, unit_id, starts_at, ends_at, created_by, created_at, updated_at)
values (md5('ducha-demo:campaign:YUWANGTAI-TP-2021-08')::uuid, 'YUWANGTAI-TP-2021-08', '禹王台区核酸检测点监督全覆盖',
        '区纪委监委4个监督检查组冒雨对全区38个核酸检测点开展现场督查,实现对检测点监督全覆盖',
        md5('ducha-demo:unit:YUWANGTAI')::uuid, timestamptz '2021-08-07 00:00+08', timestamptz '2021-08-09 00:00+08',
        'demo', timestamptz '2021-08-06 18:00+08', timestamptz '2021-08-06 18:00+08')
on conflict (id) do nothing;

insert into campaign_target (campaign_id, site_id, added_how, rule_site_type, rule_district, added_at, added_by)
select md5('ducha-demo:campaign:YUWANGTAI-TP-2021-08')::uuid, s.id, 'RULE', 'TESTING_POINT', '禹王台区',
       timestamptz '2021-08-06 18:00+08', 'demo'
from site s
where s.id in (select md5('ducha-demo:site:YUWANGTAI-TP-' || lpad(n::text, 3, '0'))::uuid from generate_series(1, 38) n)
on conflict do nothing;

-- Weishi: the 158 checkpoints, 1-8 Aug, and one gap: a testing point set up at 刘合集村 on 8 Aug and added to the
-- drive by list that morning, not visited yet (158 of 159 targets visited). It is a TESTING_POINT, so the seed's
-- checkpoint figures (158 of 158 in 尉氏县) are untouched.
insert into site (id, code, name, type, district, township, address)
values (md5('ducha-demo:site:WEISHI-TP-001')::uuid, 'WEISHI-TP-001', '刘合集村临时核酸检测点', 'TESTING_POINT', '尉氏县',
        '岗李乡', '尉氏县岗李乡刘合集村(8月8日新设)')
on conflict (id) do nothing;

insert into campaign (id, code, name, description, unit_id, starts_at, ends_at, created_by, created_at, updated_at)
values (md5('ducha-demo:campaign:WEISHI-CP-2021-08')::uuid, 'WEISHI-CP-2021-08', '尉氏县疫情防控卡点全天候督导',
        '8个督导组对全县158个疫情防控卡点开展全天候、全覆盖督导',
        md5('ducha-demo:unit:WEISHI')::uuid, timestamptz '2021-08-01 00:00+08', timestamptz '2021-08-09 00:00+08',
        'demo', timestamptz '2021-07-31 18:00+08', timestamptz '2021-08-08 09:00+08')
on conflict (id) do nothing;

insert into campaign_target (campaign_id, site_id, added_how, rule_site_type, rule_district, added_at, added_by)
select md5('ducha-demo:campaign:WEISHI-CP-2021-08')::uuid, s.id, 'RULE', 'CHECKPOINT', '尉氏县',
       timestamptz '2021-07-31 18:00+08', 'demo'
from site s
where s.id in (select md5('ducha-demo:site:WEISHI-CP-' || lpad(n::text, 3, '0'))::uuid from generate_series(1, 158) n)
on conflict do nothing;

insert into campaign_target (campaign_id, site_id, added_how, added_at, added_by)
values (md5('ducha-demo:campaign:WEISHI-CP-2021-08')::uuid, md5('ducha-demo:site:WEISHI-TP-001')::uuid, 'LIST',
        timestamptz '2021-08-08 09:00+08', 'demo')
on conflict do nothing;
