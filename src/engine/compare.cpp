#include "engine/compare.h"

#include <algorithm>
#include <cmath>

namespace rapport {

Comparison compare(const Profile& sender, const Profile& target) {
  Comparison c;
  c.sender = sender.code;
  c.target = target.code;
  for (Dim d : kAllDims) {
    const Rating& s = sender.dim(d);
    const Rating& t = target.dim(d);
    DimensionGap g;
    g.dim = d;
    g.sender_low = s.low;
    g.sender_high = s.high;
    g.target_low = t.low;
    g.target_high = t.high;
    g.gap = std::max(0.0, std::max(s.low, t.low) - std::min(s.high, t.high));
    g.overlap = std::max(0.0, std::min(s.high, t.high) - std::max(s.low, t.low));
    g.shift = t.mid() - s.mid();
    c.dims[static_cast<std::size_t>(d)] = g;
    if (g.gap > 0 || std::fabs(g.shift) >= kFrictionShift) {
      c.frictions.push_back(Friction{d, g.gap, g.shift,
                                     "advice." + std::string(dim_key(d)) + (g.shift > 0 ? ".higher" : ".lower")});
    }
  }
  // Ranked by how far apart the ranges are, then by how far the midpoints lean.
  std::stable_sort(c.frictions.begin(), c.frictions.end(), [](const Friction& a, const Friction& b) {
    if (a.gap != b.gap) return a.gap > b.gap;
    return std::fabs(a.shift) > std::fabs(b.shift);
  });
  return c;
}

}  // namespace rapport
