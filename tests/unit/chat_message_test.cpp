// The message to paste into a chat: one line of configuration, the figures
// with their currency, the price table and its date, the link; plain text in
// both languages, the same through the Calculator (the page) as directly.
#include "epochcost/chat_message.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epochcost/calculator.h"
#include "fixtures.h"

namespace epochcost {
namespace {

constexpr const char* kLink = "https://example.org/epochcost/?i=a100x4&t=1.5&n=4&d=2&m=1&e=10";

std::string Message(const std::string& config_json, Lang lang, const PriceTable* table = &test::CiuicTable()) {
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << config_json;
  const EstimateResult estimate = ComputeEstimate(table, config.config);
  EXPECT_TRUE(estimate.ok()) << config_json;
  return ChatMessage(estimate.estimate, config.config, table, lang, kLink);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', start)) {
    lines.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  EXPECT_EQ(start, text.size()) << "the message ends with a line break";
  return lines;
}

TEST(ChatMessage, SeedExampleInEnglish) {
  EXPECT_EQ(Message(test::SeedConfigJson(), Lang::kEn),
            "Training cost estimate (epochcost)\n"
            "T = 1.5 h per epoch, A100 x4, N = 4 GPUs, 10 epochs\n"
            "Per epoch: 123.00 CNY; total for 10 epochs: 1,230.00 CNY\n"
            "Prices: Ciuic, dated 2025-08-03\n" +
                std::string(kLink) + "\n");
}

TEST(ChatMessage, SeedExampleInChinese) {
  EXPECT_EQ(Message(test::SeedConfigJson(), Lang::kZh),
            "训练成本估算(epochcost)\n"
            "T = 1.5 小时/epoch,A100 x4,N = 4 块 GPU,10 个 epoch\n"
            "每 epoch:123.00 元;10 个 epoch 合计:1,230.00 元\n"
            "价格表:Ciuic,价格日期 2025-08-03\n" +
                std::string(kLink) + "\n");
}

TEST(ChatMessage, OneEpochOneGpuAndAPriceSetByHand) {
  const std::string text = Message(
      R"({"instance":"rtx3090","gpus":"1","hours_per_epoch":"30","price_per_gpu_hour":"6.5","epochs":"1"})", Lang::kEn);
  EXPECT_NE(text.find("T = 30 h per epoch, RTX3090, N = 1 GPU, 1 epoch\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Per epoch: 195.00 CNY; total for 1 epoch: 195.00 CNY\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Prices: Ciuic, dated 2025-08-03; P set by hand to 6.5 CNY/GPU·h\n"), std::string::npos) << text;
}

TEST(ChatMessage, WithoutATableSaysThePriceWasSetByHand) {
  const std::string text =
      Message(R"({"gpus":"2","hours_per_epoch":"10","price_per_gpu_hour":"3","epochs":"2"})", Lang::kZh, nullptr);
  EXPECT_NE(text.find("T = 10 小时/epoch,N = 2 块 GPU,2 个 epoch\n"), std::string::npos) << text;
  EXPECT_NE(text.find("每 epoch:60.00 元;2 个 epoch 合计:120.00 元\n"), std::string::npos) << text;
  EXPECT_NE(text.find("单价 P 手动设置为 3 元/GPU·时(未使用价格表)\n"), std::string::npos) << text;
}

TEST(ChatMessage, TheFlopsWayNamesTheModelBySizeAndSaysWhereTCameFrom) {
  const std::string config =
      R"({"instance":"a100x4","flops":{"params":"6.9e9","method":"full","tokens_per_epoch":"1e9"},"epochs":"3"})";
  const std::vector<std::string> en = Lines(Message(config, Lang::kEn));
  ASSERT_EQ(en.size(), 5U);
  // 6 x 6.9e9 x 1e9 FLOPs at 35% of 4 x 312 TFLOPS: 26.33 h and more decimals.
  EXPECT_EQ(en[1].rfind("model 6.9B parameters, T ≈ ", 0), 0U) << en[1];
  EXPECT_NE(en[1].find(" h per epoch (from a FLOPs model), A100 x4, N = 4 GPUs, 3 epochs"), std::string::npos) << en[1];
  const std::vector<std::string> zh = Lines(Message(config, Lang::kZh));
  EXPECT_EQ(zh[1].rfind("模型 6.9B 参数,T ≈ ", 0), 0U) << zh[1];
  EXPECT_NE(zh[1].find("(由 FLOPs 模型推算)"), std::string::npos) << zh[1];
}

TEST(ChatMessage, APresetModelIsNamed) {
  const std::string config =
      R"({"instance":"a100x4","model":{"preset":"llama-3.1-8b"},"flops":{"method":"full","tokens_per_epoch":"1e9"},)"
      R"("epochs":"2"})";
  const std::vector<std::string> en = Lines(Message(config, Lang::kEn));
  ASSERT_EQ(en.size(), 5U);
  EXPECT_EQ(en[1].rfind("model Llama-3.1 8B, T ≈ ", 0), 0U) << en[1];
  const std::vector<std::string> zh = Lines(Message(config, Lang::kZh));
  EXPECT_EQ(zh[1].rfind("模型 Llama-3.1 8B,T ≈ ", 0), 0U) << zh[1];
}

TEST(ChatMessage, HasNoMarkdownAndKeepsTableTextOnItsLine) {
  std::string table_json = test::CiuicJson();
  const std::string name = "\"name\": \"A100 x4\"";
  ASSERT_NE(table_json.find(name), std::string::npos);
  table_json.replace(table_json.find(name), name.size(), "\"name\": \"A100\\nx4\\tfast\\rnow\"");
  const PriceTableResult table = ParsePriceTable(table_json);
  ASSERT_TRUE(table.ok());
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    const std::vector<std::string> lines = Lines(Message(test::SeedConfigJson(), lang, &table.table));
    ASSERT_EQ(lines.size(), 5U);
    EXPECT_NE(lines[1].find("A100 x4 fast now"), std::string::npos) << lines[1];
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_EQ(lines[i].find_first_of("*_`#|[]<>"), std::string::npos) << lines[i];
      EXPECT_NE(lines[i].front(), '-') << lines[i];
    }
    EXPECT_EQ(lines.back(), kLink);
  }
}

TEST(ChatMessage, TheCalculatorAnswersTheSameTextAsJsonOrTheErrors) {
  const Calculator calculator(test::CiuicJson());
  for (const auto& [lang, name] : {std::pair{Lang::kEn, "en"}, std::pair{Lang::kZh, "zh"}}) {
    const auto answer = nlohmann::json::parse(calculator.Chat(test::SeedConfigJson(), name, kLink));
    EXPECT_EQ(answer["ok"], true);
    EXPECT_EQ(answer["text"], Message(test::SeedConfigJson(), lang));
  }
  const auto bad =
      nlohmann::json::parse(calculator.Chat(R"({"instance":"a100x4","hours_per_epoch":"-1"})", "en", kLink));
  EXPECT_EQ(bad["ok"], false);
  EXPECT_EQ(bad["errors"][0]["field"], "hours_per_epoch");
}

TEST(GroupedDecimal, GroupsTheWholePartByThree) {
  EXPECT_EQ(GroupedDecimal("0.00"), "0.00");
  EXPECT_EQ(GroupedDecimal("123.00"), "123.00");
  EXPECT_EQ(GroupedDecimal("1230.00"), "1,230.00");
  EXPECT_EQ(GroupedDecimal("1234567.5"), "1,234,567.5");
  EXPECT_EQ(GroupedDecimal("100000"), "100,000");
  EXPECT_EQ(GroupedDecimal("-1234.00"), "-1,234.00");
  EXPECT_EQ(GroupedDecimal(""), "");
  EXPECT_EQ(GroupedDecimal("-"), "-");
}

// How T was found, when it was not given: the trial run or the measured
// throughput, in both languages.
TEST(ChatMessage, SaysHowTWasFound) {
  const std::string trial =
      R"({"instance": "a100x4", "trial": {"steps": 50, "seconds": 120, "steps_per_epoch": 1000}})";
  EXPECT_NE(Message(trial, Lang::kEn).find("from a trial run"), std::string::npos) << Message(trial, Lang::kEn);
  EXPECT_NE(Message(trial, Lang::kZh).find("由试运行推算"), std::string::npos);
  const std::string measured =
      R"({"instance": "a100x4", "throughput": {"tokens_per_epoch": "1e8", "tokens_per_second_per_gpu": 380}})";
  EXPECT_NE(Message(measured, Lang::kEn).find("from a measured throughput"), std::string::npos)
      << Message(measured, Lang::kEn);
  EXPECT_NE(Message(measured, Lang::kZh).find("由实测吞吐推算"), std::string::npos);
}

// With a table but no instance, P is the reader's own, in both languages;
// without a table, English says the table was not used.
TEST(ChatMessage, APriceWithoutAnInstanceIsSetByHand) {
  const std::string config = R"({"gpus":"2","hours_per_epoch":"10","price_per_gpu_hour":"3","epochs":"2"})";
  const std::string en = Message(config, Lang::kEn);
  EXPECT_NE(en.find("Prices: Ciuic, dated 2025-08-03; P set by hand to 3 CNY/GPU·h\n"), std::string::npos) << en;
  const std::string zh = Message(config, Lang::kZh);
  EXPECT_NE(zh.find(";单价 P 手动设置为 3 元/GPU·时\n"), std::string::npos) << zh;
  const std::string alone = Message(config, Lang::kEn, nullptr);
  EXPECT_NE(alone.find("P set by hand to 3 CNY/GPU·h (no price table)\n"), std::string::npos) << alone;
}

// Owned GPUs: P is theirs (amortisation and electricity), not the table's
// nor set by hand, with a table or without one. A100 x4 at P = 1.5 for 10 h
// and 2 epochs: 60.00 CNY per epoch, 120.00 in all.
TEST(ChatMessage, POfOwnedGpusSaysSoWithOrWithoutATable) {
  const std::string config =
      R"({"instance":"a100x4","hours_per_epoch":"10","epochs":"2","owned":{"price_per_gpu_hour":"1.5"}})";
  const std::vector<std::string> en = Lines(Message(config, Lang::kEn));
  ASSERT_EQ(en.size(), 5u);
  EXPECT_EQ(en[2], "Per epoch: 60.00 CNY; total for 2 epochs: 120.00 CNY");
  EXPECT_EQ(en[3], "Prices: Ciuic, dated 2025-08-03; P for owned GPUs 1.5 CNY/GPU·h");
  const std::vector<std::string> zh = Lines(Message(config, Lang::kZh));
  ASSERT_EQ(zh.size(), 5u);
  EXPECT_EQ(zh[3], "价格表:Ciuic,价格日期 2025-08-03;自有 GPU 的单价 P 为 1.5 元/GPU·时");

  const std::string no_table =
      R"({"gpus":"4","hours_per_epoch":"10","epochs":"2","owned":{"price_per_gpu_hour":"1.5"}})";
  const std::vector<std::string> alone_en = Lines(Message(no_table, Lang::kEn, nullptr));
  ASSERT_EQ(alone_en.size(), 5u);
  EXPECT_EQ(alone_en[2], "Per epoch: 60.00 CNY; total for 2 epochs: 120.00 CNY");
  EXPECT_EQ(alone_en[3], "P for owned GPUs 1.5 CNY/GPU·h (no price table)");
  const std::vector<std::string> alone_zh = Lines(Message(no_table, Lang::kZh, nullptr));
  ASSERT_EQ(alone_zh.size(), 5u);
  EXPECT_EQ(alone_zh[3], "自有 GPU 的单价 P 为 1.5 元/GPU·时(未使用价格表)");
}

// A second currency without a date: the rate alone in the brackets. The
// seed's 1,230.00 CNY at 0.14 USD per CNY is 172.20 USD.
TEST(ChatMessage, AConvertedTotalWithoutADateGivesTheRateAlone) {
  const std::string config = test::ConfigText([] {
    test::RawFields fields = test::SeedFields();
    fields.push_back({"display_currency", R"({"code": "USD", "rate": "0.14"})"});
    return fields;
  }());
  const std::vector<std::string> en = Lines(Message(config, Lang::kEn));
  ASSERT_EQ(en.size(), 6u);
  EXPECT_EQ(en[3], "≈ 172.20 USD (1 CNY = 0.14 USD)");
  const std::vector<std::string> zh = Lines(Message(config, Lang::kZh));
  ASSERT_EQ(zh.size(), 6u);
  EXPECT_EQ(zh[3], "≈ 172.20 USD (1 CNY = 0.14 USD)");
}

}  // namespace
}  // namespace epochcost
