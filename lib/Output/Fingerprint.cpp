//===- Output/Fingerprint.cpp - Stable identities of findings -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Fingerprint.h"

#include "Support/LineIndex.h"
#include "Support/Normalize.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA1.h"

#include <array>

namespace claimlint {

namespace {

/// Calls \p F with each UTF-16 code unit of \p Text.
template <typename Fn> void forEachUtf16Unit(llvm::StringRef Text, Fn F) {
  for (size_t I = 0; I < Text.size();) {
    unsigned Len = utf8SequenceLength(Text.substr(I));
    auto B = [&](unsigned K) {
      return static_cast<uint32_t>(static_cast<unsigned char>(Text[I + K]));
    };
    uint32_t CP;
    if (Len == 1)
      CP = B(0) < 0x80 ? B(0) : 0xFFFD;
    else if (Len == 2)
      CP = ((B(0) & 0x1F) << 6) | (B(1) & 0x3F);
    else if (Len == 3)
      CP = ((B(0) & 0x0F) << 12) | ((B(1) & 0x3F) << 6) | (B(2) & 0x3F);
    else
      CP = ((B(0) & 0x07) << 18) | ((B(1) & 0x3F) << 12) |
           ((B(2) & 0x3F) << 6) | (B(3) & 0x3F);
    if (CP >= 0x10000) {
      CP -= 0x10000;
      F(0xD800 + (CP >> 10));
      F(0xDC00 + (CP & 0x3FF));
    } else {
      F(CP);
    }
    I += Len;
  }
}

/// The rolling hash: a window of the last BlockSize units; when a unit that
/// started a line leaves the window, the hash of the BlockSize units from it
/// onwards belongs to that line.
class LineHasher {
public:
  static constexpr unsigned BlockSize = 100;
  static constexpr uint64_t Mod = 37;
  static constexpr uint32_t Eof = 65535;

  LineHasher() {
    Window.fill(0);
    LineOfSlot.fill(0);
    for (unsigned I = 0; I < BlockSize; ++I)
      FirstMod *= Mod;
  }

  void add(uint32_t C) {
    if (C == ' ' || C == '\t' || (PrevCR && C == '\n')) {
      PrevCR = false;
      return;
    }
    PrevCR = C == '\r';
    if (PrevCR)
      C = '\n';
    if (LineOfSlot[Index])
      emit();
    if (LineStart) {
      LineStart = false;
      LineOfSlot[Index] = ++Line;
    }
    if (C == '\n')
      LineStart = true;
    update(C);
  }

  std::vector<std::string> finish() {
    add(Eof);
    for (unsigned I = 0; I < BlockSize; ++I) {
      if (LineOfSlot[Index])
        emit();
      update(0);
    }
    return std::move(Hashes);
  }

private:
  void update(uint32_t C) {
    uint64_t Leaving = Window[Index];
    Window[Index] = C;
    // Wrapping 64-bit arithmetic, as the reference's signed longs wrap.
    Hash = Mod * Hash + C - FirstMod * Leaving;
    Index = (Index + 1) % BlockSize;
  }

  void emit() {
    std::string Hex = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned N = ++Seen[Hex];
    unsigned L = LineOfSlot[Index];
    if (Hashes.size() < L)
      Hashes.resize(L);
    Hashes[L - 1] = Hex + ":" + std::to_string(N);
    LineOfSlot[Index] = 0;
  }

  std::array<uint32_t, BlockSize> Window;
  std::array<unsigned, BlockSize> LineOfSlot; ///< 0: not a line start
  uint64_t Hash = 0;
  uint64_t FirstMod = 1;
  unsigned Index = 0;
  unsigned Line = 0;
  bool LineStart = true;
  bool PrevCR = false;
  llvm::StringMap<unsigned> Seen;
  std::vector<std::string> Hashes;
};

} // namespace

std::vector<std::string> lineHashes(llvm::StringRef Text) {
  LineHasher H;
  forEachUtf16Unit(Text, [&](uint32_t U) { H.add(U); });
  return H.finish();
}

std::string normalizeMatch(llvm::StringRef Match) {
  return lowerCollapsingSpace(Match);
}

std::string stableFingerprint(llvm::StringRef RuleId, llvm::StringRef Match,
                              llvm::StringRef Path, unsigned Occurrence) {
  // NUL separators: none of the parts can contain one where it matters
  // (rule ids and paths cannot; a NUL in the match only shifts the split).
  std::string Data = "claimlint/v1";
  Data.push_back('\0');
  Data += RuleId.str();
  Data.push_back('\0');
  Data += normalizeMatch(Match);
  Data.push_back('\0');
  Data += Path.str();
  Data.push_back('\0');
  Data += std::to_string(Occurrence);
  std::array<uint8_t, 20> Digest =
      llvm::SHA1::hash(llvm::arrayRefFromStringRef(Data));
  return llvm::toHex(Digest, /*LowerCase=*/true);
}

std::vector<std::string> stableFingerprints(const FileReport &R,
                                            llvm::StringRef Path) {
  std::vector<std::string> Out;
  Out.reserve(R.Diags.size());
  llvm::StringMap<unsigned> Count;
  for (const Diagnostic &D : R.Diags) {
    std::string Key = D.RuleId;
    Key.push_back('\0');
    Key += normalizeMatch(D.Match);
    unsigned N = ++Count[Key];
    Out.push_back(stableFingerprint(D.RuleId, D.Match, Path, N));
  }
  return Out;
}

} // namespace claimlint
