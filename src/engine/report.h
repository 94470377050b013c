// A checked message as a self-contained HTML page a trainer can print or hand out: the draft with the flagged
// spans marked, each finding with why it matters for the market and what to do, and the fit score. Labels come
// from the catalog (keys ui.report.*); all text is escaped; no scripts, no external resources.
#pragma once

#include <string>
#include <string_view>

#include "engine/dates.h"
#include "engine/message.h"

namespace rapport {

std::string html_report(const DataSet& data, std::string_view ui_language, const MessageReport& report,
                        const Profile& sender, const Profile& target, const CheckOptions& options, EpochMs now,
                        std::string_view time_zone);

}  // namespace rapport
