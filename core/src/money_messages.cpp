// The texts of the money inputs (see money_messages.h).
#include "money_messages.h"

namespace epochcost::detail {
namespace {

constexpr Text kLabels[] = {
    {"display_currency", "second currency", "第二币种"},
    {"display_currency.code", "second currency", "第二币种"},
    {"display_currency.rate", "exchange rate (one unit of the table's currency)", "汇率(价格表币种 1 单位折合)"},
    {"display_currency.date", "date of the rate", "汇率日期"},
    {"display_currency.source", "source of the rate", "汇率来源"},
    {"energy", "energy", "能耗"},
    {"energy.watts_per_gpu", "power per GPU (W)", "每块 GPU 功率(瓦)"},
    {"energy.pue", "PUE (power usage effectiveness)", "PUE(电能使用效率)"},
    {"energy.kg_co2_per_kwh", "carbon intensity (kg CO₂eq per kWh)", "碳排放强度(千克 CO₂eq/千瓦时)"},
    {"energy.price_per_kwh", "electricity price per kWh", "电价(每千瓦时)"},
    {"owned", "owned GPUs", "自有 GPU"},
    {"owned.purchase_price_per_gpu", "purchase price per GPU", "每块 GPU 购置价"},
    {"owned.service_life_years", "service life (years)", "使用年限(年)"},
    {"owned.price_per_gpu_hour", "amortisation per GPU-hour", "每 GPU·小时折旧"},
};

constexpr Text kErrors[] = {
    {"below_one", "{field} must be at least 1: \"{value}\" (a data centre cannot use less power than its GPUs draw).",
     "{field}不能小于 1:“{value}”(数据中心总耗电不可能少于 GPU 本身的耗电)。"},
    {"currencies_differ",
     "The tables are priced in {currencies}: they cannot be ranked together without an exchange rate. Give a second "
     "currency and its rate (display_currency).",
     "这些价格表的币种为 {currencies}:没有汇率就无法放在一起排名。请填写第二币种及其汇率(display_currency)。"},
    {"rate_does_not_apply",
     "{field}: one rate converts one currency, but the tables are priced in {currencies} besides {code}.",
     "{field}:一个汇率只能换算一种币种,而这些价格表除 {code} 外还有 {currencies}。"},
};

constexpr Text kNotes[] = {
    {"energy", "Energy: {gpu_hours} GPU-hours × {watts} W ÷ 1000 × PUE {pue} = {kwh} kWh.",
     "能耗:{gpu_hours} GPU·小时 × {watts} 瓦 ÷ 1000 × PUE {pue} = {kwh} 千瓦时。"},
    {"carbon", "Carbon: {kwh} kWh × {intensity} kg CO₂eq per kWh = {kg} kg CO₂eq.",
     "碳排放:{kwh} 千瓦时 × 每千瓦时 {intensity} 千克 CO₂eq = {kg} 千克 CO₂eq。"},
    {"owned_price",
     "P for owned GPUs = {price} ÷ ({years} years × 8,760 h) = {amortisation}, plus electricity {energy}: {p} "
     "{currency} "
     "per GPU-hour.",
     "自有 GPU 的 P = {price} ÷({years} 年 × 8,760 小时)= {amortisation},加电费 {energy}:每 GPU·小时 {p} "
     "{currency}。"},
    {"owned_price_hourly",
     "P for owned GPUs = amortisation {amortisation} plus electricity {energy}: {p} {currency} per GPU-hour.",
     "自有 GPU 的 P = 折旧 {amortisation} 加电费 {energy}:每 GPU·小时 {p} {currency}。"},
    {"energy_in_rent",
     "Electricity for the run costs about {cost} {currency} at the stated price; it is shown, not added: a rented "
     "GPU's price already pays for its power.",
     "按所填电价,本次训练电费约 {cost} {currency};仅供参考、不计入总价:租用 GPU 的价格已包含电费。"},
    {"energy_in_owned_price",
     "Electricity for the run costs about {cost} {currency}; it is already in P (the owner's price per GPU-hour).",
     "本次训练电费约 {cost} {currency},已计入 P(自有 GPU 的每 GPU·小时价格)。"},
    {"owned_without_energy",
     "P for owned GPUs is the hardware's amortisation only: give a power per GPU and an electricity price to add "
     "the energy.",
     "自有 GPU 的 P 只含硬件折旧:填写每块 GPU 功率和电价即可计入电费。"},
    {"display_currency_same", "The table is already priced in {currency}: the second currency's rate is not used.",
     "价格表本身就以 {currency} 计价:第二币种的汇率未使用。"},
};

}  // namespace

const Text* FindMoneyLabel(std::string_view key) { return Find(kLabels, key); }
const Text* FindMoneyError(std::string_view code) { return Find(kErrors, code); }
const Text* FindMoneyNote(std::string_view code) { return Find(kNotes, code); }

}  // namespace epochcost::detail
