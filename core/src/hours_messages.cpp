// The texts of the billed-hours inputs (see hours_messages.h).
#include "hours_messages.h"

namespace epochcost::detail {
namespace {

constexpr Text kLabels[] = {
    {"overheads", "overheads", "额外开销"},
    {"overheads.startup_hours", "start-up hours (once per run)", "启动时长(每次运行一次,小时)"},
    {"overheads.eval_hours_per_epoch", "evaluation hours per epoch", "每 epoch 评估时长(小时)"},
    {"overheads.checkpoint_save_minutes", "minutes per checkpoint save", "每次保存检查点耗时(分钟)"},
    {"overheads.checkpoints_per_epoch", "checkpoints per epoch", "每 epoch 检查点数"},
    {"spot", "spot capacity", "竞价(可中断)实例"},
    {"spot.price_per_gpu_hour", "spot price per GPU-hour", "竞价单价(每 GPU·小时)"},
    {"spot.interruptions_per_hour", "spot interruptions per hour (λ)", "竞价中断率 λ(每小时)"},
    {"spot.checkpoint_interval_hours", "checkpoint interval (hours)", "检查点间隔(小时)"},
    {"spot.restart_hours", "restart hours after an interruption", "中断后重启时长(小时)"},
    {"spot_price_per_gpu_hour", "spot price per GPU-hour", "竞价单价(每 GPU·小时)"},
    {"scaling_efficiency", "scaling efficiency per doubling of instances", "实例数每翻倍的扩展效率"},
    {"flops.mfu_low", "low MFU (pessimistic end)", "MFU 下限(保守端)"},
    {"flops.mfu_high", "high MFU (optimistic end)", "MFU 上限(乐观端)"},
    {"throughput.range_percent", "throughput range (± %)", "吞吐量浮动范围(± %)"},
};

constexpr Text kErrors[] = {
    {"not_below",
     "{field} must be below {max}: \"{value}\" (at one interruption an hour or more a run mostly restarts, and the "
     "first-order model does not hold).",
     "{field}必须小于 {max}:“{value}”(每小时中断一次或更多时,训练大部分时间都在重启,一阶模型不再成立)。"},
    {"above_mfu", "{field}: \"{value}\" is above the expected MFU {mfu}; the low MFU is the pessimistic end.",
     "{field}:“{value}”高于预期 MFU {mfu};MFU 下限应是保守的一端。"},
    {"below_mfu", "{field}: \"{value}\" is below the expected MFU {mfu}; the high MFU is the optimistic end.",
     "{field}:“{value}”低于预期 MFU {mfu};MFU 上限应是乐观的一端。"},
    {"longer_than_run",
     "{field}: {value} hours is longer than the whole run ({run} hours); without a checkpoint before the end, leave "
     "it empty.",
     "{field}:{value} 小时比整个训练({run} 小时)还长;若结束前不保存检查点,请留空。"},
    {"range_end_shorter_than_interval",
     "{field}: at the range's fast end the run takes {run} hours, less than the spot checkpoint interval of {value} "
     "hours. Narrow the range or shorten the interval.",
     "{field}:按范围的乐观端,训练只需 {run} 小时,短于竞价检查点间隔 {value} 小时。请缩小范围或缩短检查点间隔。"},
    {"no_spot_price", "{field} is required: the price table gives no spot price for this instance.",
     "需要填写{field}:价格表没有该实例的竞价价格。"},
    {"scaling_unreachable",
     "{field}: keeping {efficiency} of the throughput per doubling, more instances do not shorten the run; one "
     "instance ({gpus} GPUs) takes {hours} hours, more than {value}. No GPU count can meet this deadline.",
     "{field}:实例数每翻倍只保留 {efficiency} 的吞吐量,增加实例不会缩短训练;一个实例({gpus} 块 GPU)需要 {hours} "
     "小时,超过 {value} 小时。任何 GPU 数量都无法满足该截止时间。"},
};

constexpr Text kNotes[] = {
    {"scaling_applied",
     "{instances} instances keep {kept_percent}% of linear throughput ({efficiency} per doubling): T is {hours} h "
     "instead of {linear_hours} h.",
     "{instances} 个实例保留线性吞吐量的 {kept_percent}%(每翻倍 {efficiency}):T 为 {hours} 小时,而非 "
     "{linear_hours} 小时。"},
    {"scaling_not_applied",
     "Scaling efficiency {efficiency} is not applied: a T given directly or measured by a trial run already "
     "reflects the run's GPUs.",
     "未应用扩展效率 {efficiency}:直接给出或试运行测得的 T 已反映实际 GPU 数。"},
    {"scaling_no_instance",
     "Scaling efficiency {efficiency} is not applied: without an instance type the number of instances is unknown.",
     "未应用扩展效率 {efficiency}:未选实例类型,无法得知实例数。"},
    {"spot_no_checkpoint",
     "No checkpointing: on spot capacity an interruption restarts the whole run ({run} h), and the first-order figure "
     "is optimistic. Give a checkpoint interval or checkpoints per epoch.",
     "未设置检查点:竞价实例一旦中断就要从头重跑({run} 小时),一阶估算偏乐观。请填写检查点间隔或每 epoch "
     "检查点数。"},
    {"spot_model_rough",
     "λ × checkpoint interval is {product}: the first-order spot model holds while this is small; above 0.25 it "
     "underestimates by more than about 1%.",
     "λ × 检查点间隔为 {product}:一阶竞价模型只在该值较小时成立;超过 0.25 时低估超过约 1%。"},
    {"spot_best_interval",
     "Young's checkpoint interval for these figures, √(2 × save time ÷ λ): {minutes} min ({hours} h).",
     "按 Young 公式 √(2 × 保存耗时 ÷ λ),建议检查点间隔:{minutes} 分钟({hours} 小时)。"},
    {"spot_saving", "On spot capacity the run bills {billed_hours} h and saves {amount} {currency} against on-demand.",
     "使用竞价实例计费 {billed_hours} 小时,比按需节省 {amount} {currency}。"},
    {"spot_costs_more",
     "On spot capacity the run bills {billed_hours} h and costs {amount} {currency} more than on-demand.",
     "使用竞价实例计费 {billed_hours} 小时,比按需多花 {amount} {currency}。"},
};

}  // namespace

const Text* FindHoursLabel(std::string_view key) { return Find(kLabels, key); }
const Text* FindHoursError(std::string_view code) { return Find(kErrors, code); }
const Text* FindHoursNote(std::string_view code) { return Find(kNotes, code); }

}  // namespace epochcost::detail
