package io.jingsai.api.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic Chinese names of people and enterprises: common surnames and given-name characters, and enterprise names
 * put together from a Xi'an district, a trade name (字号) and a line of business. They look real but are made up;
 * any likeness to a real person or enterprise is chance.
 */
final class DemoNames {

    /** Xi'an's districts and counties (GB/T 2260 codes) where the demo's enterprises are registered. */
    static final List<String> DIVISIONS = List.of("610102", "610103", "610104", "610111", "610112", "610113",
            "610114", "610115", "610116", "610117", "610118", "610122", "610124");

    /** Frequent surnames first, so that they come up more often. */
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            + "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺";
    private static final List<String> MALE = List.of("伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚",
            "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "浩", "凯", "健", "俊", "帆", "旭", "宇", "建国", "建军", "志强",
            "海涛", "晓东", "国庆", "卫东", "文博", "子豪", "浩然", "振华", "永刚", "立新", "小龙");
    private static final List<String> FEMALE = List.of("芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷",
            "雪", "慧", "莹", "琳", "晶", "倩", "颖", "秀兰", "桂英", "丽华", "晓燕", "海燕", "春梅", "雅琴", "欣怡", "佳慧",
            "梦瑶", "思雨", "文静");
    private static final List<String> BRANDS = List.of("秦川", "华盛", "长庆", "泰和", "宏远", "恒信", "金达", "瑞丰",
            "博远", "鑫源", "万通", "德信", "天成", "永兴", "中联", "汉唐", "西岳", "终南", "曲江", "渭河", "丰华", "启航",
            "嘉诚", "同力", "华骏", "弘基", "大秦", "长安", "未央", "灞桥", "骊山", "沣水", "浐河", "雁塔", "钟楼", "华清",
            "汇通", "振兴", "立信", "宝鼎");
    private static final List<String[]> LINES = List.of(
            new String[] {"建设工程", "建筑业"}, new String[] {"机械制造", "制造业"},
            new String[] {"电力工程", "电力、热力、燃气及水生产和供应业"}, new String[] {"汽车零部件", "制造业"},
            new String[] {"电子科技", "制造业"}, new String[] {"精细化工", "制造业"},
            new String[] {"物流", "交通运输、仓储和邮政业"}, new String[] {"精密仪器", "制造业"},
            new String[] {"智能装备", "制造业"}, new String[] {"新型建材", "制造业"},
            new String[] {"轨道交通", "交通运输、仓储和邮政业"}, new String[] {"燃气", "电力、热力、燃气及水生产和供应业"},
            new String[] {"市政工程", "建筑业"}, new String[] {"食品", "制造业"},
            new String[] {"信息技术", "信息传输、软件和信息技术服务业"}, new String[] {"航空部件", "制造业"},
            new String[] {"酒店管理", "住宿和餐饮业"}, new String[] {"物业服务", "房地产业"});
    private static final List<String> SUFFIXES = List.of("有限公司", "有限责任公司", "股份有限公司", "集团有限公司");

    private DemoNames() {
    }

    static String person(SplittableRandom random, boolean male) {
        int bias = random.nextInt(SURNAMES.length());
        char surname = SURNAMES.charAt(random.nextInt(bias + 1));
        List<String> given = male ? MALE : FEMALE;
        String first = given.get(random.nextInt(given.size()));
        if (first.length() == 1 && random.nextInt(3) == 0) {
            first = first + given.get(random.nextInt(given.size())).charAt(0);
        }
        return surname + first;
    }

    /** An enterprise's name and its line of business (国民经济行业门类), e.g. 西安秦川电气安装有限公司, 建筑业. */
    static String[] enterprise(SplittableRandom random) {
        String brand = BRANDS.get(random.nextInt(BRANDS.size()));
        String second = BRANDS.get(random.nextInt(BRANDS.size()));
        String[] line = LINES.get(random.nextInt(LINES.size()));
        String suffix = SUFFIXES.get(random.nextInt(SUFFIXES.size()));
        String name = "西安" + (random.nextBoolean() ? brand : brand.charAt(0) + "" + second.charAt(1)) + line[0]
                + suffix;
        return new String[] {name, line[1]};
    }
}
