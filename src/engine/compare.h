// Comparing two cultures: how far apart their ranges are on each dimension, and the friction points a sender
// from one will meet in the other, ranked, each with advice (catalog keys) and the target's own specifics.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "engine/profile.h"

namespace rapport {

struct DimensionGap {
  Dim dim = Dim::kDirectness;
  double sender_low = 0, sender_high = 0, target_low = 0, target_high = 0;
  double gap = 0;      ///< distance between the two ranges; 0 when they overlap
  double overlap = 0;  ///< length of the shared part of the ranges; 0 when they do not meet
  double shift = 0;    ///< target's midpoint minus sender's: which way the target leans
};

struct Friction {
  Dim dim = Dim::kDirectness;
  double gap = 0, shift = 0;
  /// Catalog key of the advice: "advice.<dimension>.higher" when the target sits higher on the scale than the
  /// sender, ".lower" when lower (e.g. advice.directness.lower: the target is less direct).
  std::string advice_key;
};

struct Comparison {
  std::string sender, target;  ///< codes
  std::array<DimensionGap, kDimCount> dims;
  std::vector<Friction> frictions;  ///< most severe first
};

/// A dimension is a friction point when the ranges do not overlap or the midpoints are at least this far apart.
inline constexpr double kFrictionShift = 2.0;

Comparison compare(const Profile& sender, const Profile& target);

}  // namespace rapport
