//===- Match/Prebuilt.h - Matcher tables built ahead of time -----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Start-up spends most of its time building the same tables on every run:
/// the phrase matchers' tries for the built-in pack and lexicon, and the
/// words each built-in regex needs (requiredWords()). The build records them
/// once (tools/claimlint-prebuild runs the default start-up with recording
/// on) and embeds the result in the executables, which install() it before
/// they start (docs/performance.md, "Tables built at build time").
///
/// The snapshot is a cache, never a second source of truth: a phrase matcher
/// uses it only while the groups it is given hash to the very groups it was
/// recorded with (their phrases and the contents of the vocabulary lists they
/// name), and a regex's words only for the same regex text. A user's pack, a
/// config's lexicon extension or a changed rule simply builds as before.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_PREBUILT_H
#define CLAIMLINT_MATCH_PREBUILT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace claimlint {
namespace prebuilt {

/// Makes \p Data the snapshot that phrase matchers and requiredWords()
/// consult. \p Data must stay alive (it is embedded in the executable).
/// Returns false, and installs nothing, when \p Data is not a whole, intact
/// snapshot of this format. Not thread-safe: call before any matcher is
/// built. An empty \p Data uninstalls.
bool install(llvm::StringRef Data);

/// From now on (until dump()), every phrase matcher compiled and every
/// requiredWords() result is kept; thread-safe.
void startRecording();
/// The recorded tables as a snapshot for install(), the same bytes for the
/// same recordings in any order; stops recording.
std::string dump();

/// How many phrase matchers and requiredWords() calls the installed
/// snapshot has served (for tests and --version-like diagnostics).
struct Stats {
  unsigned Matchers = 0, Words = 0;
};
Stats stats();

// For Match/ only --------------------------------------------------------

/// One recorded phrase matcher: per addGroup() call, the group's hash and
/// whether it was taken; then its compiled tables (PhraseMatcher's format).
struct MatcherEntry {
  std::vector<std::pair<uint64_t, bool>> Groups;
  llvm::StringRef Tables;
};
/// The installed matcher whose first group hashes to \p FirstGroup, if any.
const MatcherEntry *findMatcher(uint64_t FirstGroup);
void noteMatcherUsed();
bool recording();
/// A snapshot is installed or recording is on (else matchers need not hash
/// their groups).
bool active();
void recordMatcher(std::vector<std::pair<uint64_t, bool>> Groups,
                   std::string Tables);

using WordSets = std::vector<std::vector<std::string>>;
/// The installed requiredWords() result for the regex \p Regex, if any.
const WordSets *findWords(llvm::StringRef Regex);
void recordWords(llvm::StringRef Regex, const WordSets &Sets);

/// Little-endian writing and bounds-checked reading of the formats.
class Writer {
public:
  void u8(uint8_t V) { Out.push_back(static_cast<char>(V)); }
  void u32(uint32_t V) { raw(&V, sizeof V); }
  void u64(uint64_t V) { raw(&V, sizeof V); }
  void str(llvm::StringRef S) {
    u64(S.size());
    Out.append(S.data(), S.size());
  }
  template <typename T> void pods(const std::vector<T> &V) {
    u64(V.size());
    raw(V.data(), V.size() * sizeof(T));
  }
  void raw(const void *P, size_t N) {
    Out.append(static_cast<const char *>(P), N);
  }
  std::string take() { return std::move(Out); }

private:
  std::string Out;
};

class Reader {
public:
  explicit Reader(llvm::StringRef In) : In(In) {}
  bool ok() const { return Ok; }
  bool atEnd() const { return Ok && Pos == In.size(); }
  uint8_t u8() {
    uint8_t V = 0;
    raw(&V, 1);
    return V;
  }
  uint32_t u32() {
    uint32_t V = 0;
    raw(&V, sizeof V);
    return V;
  }
  uint64_t u64() {
    uint64_t V = 0;
    raw(&V, sizeof V);
    return V;
  }
  llvm::StringRef str() {
    uint64_t N = u64();
    if (!Ok || N > In.size() - Pos) {
      Ok = false;
      return {};
    }
    llvm::StringRef S = In.substr(Pos, N);
    Pos += N;
    return S;
  }
  template <typename T> void pods(std::vector<T> &V) {
    uint64_t N = u64();
    if (!Ok || N > (In.size() - Pos) / sizeof(T)) {
      Ok = false;
      return;
    }
    V.resize(N);
    raw(V.data(), N * sizeof(T));
  }
  /// A count of items of at least \p MinBytes each that the rest can hold.
  uint64_t count(size_t MinBytes) {
    uint64_t N = u64();
    if (Ok && N > (In.size() - Pos) / (MinBytes ? MinBytes : 1))
      Ok = false;
    return Ok ? N : 0;
  }
  void raw(void *P, size_t N) {
    if (!Ok || N > In.size() - Pos) {
      Ok = false;
      return;
    }
    if (N)
      std::memcpy(P, In.data() + Pos, N);
    Pos += N;
  }

private:
  llvm::StringRef In;
  size_t Pos = 0;
  bool Ok = true;
};

} // namespace prebuilt
} // namespace claimlint

#endif // CLAIMLINT_MATCH_PREBUILT_H
