//===- Match/Prebuilt.cpp - Matcher tables built ahead of time ------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Format (little-endian): "CLPRE001", the xxHash64 of the rest, then
//   matchers: count, per matcher: group count, per group (hash, taken),
//             then its tables as a string;
//   words:    count, per regex: hash and length of its text, set count,
//             per set: word count and words.
// Strings are a 64-bit length and the bytes.
//
//===----------------------------------------------------------------------===//

#include "Match/Prebuilt.h"

#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

namespace claimlint {
namespace prebuilt {

namespace {

constexpr llvm::StringLiteral Magic = "CLPRE001";

struct WordsEntry {
  uint64_t Hash, Length;
  WordSets Sets;
};

struct Installed {
  std::vector<MatcherEntry> Matchers;
  std::vector<WordsEntry> Words; ///< sorted by (Hash, Length)
};
Installed Current;
std::atomic<unsigned> MatchersUsed{0}, WordsUsed{0};

struct Recorder {
  std::mutex M;
  std::atomic<bool> On{false};
  std::vector<std::string> Matchers; ///< each entry serialized
  std::map<std::string, WordSets> Words;
};
Recorder &recorder() {
  static Recorder R;
  return R;
}

std::string matcherBytes(const std::vector<std::pair<uint64_t, bool>> &Groups,
                         llvm::StringRef Tables) {
  Writer W;
  W.u64(Groups.size());
  for (const auto &G : Groups) {
    W.u64(G.first);
    W.u8(G.second);
  }
  W.str(Tables);
  return W.take();
}

} // namespace

bool install(llvm::StringRef Data) {
  MatchersUsed = 0;
  WordsUsed = 0;
  Installed New;
  if (Data.empty()) {
    Current = std::move(New);
    return true;
  }
  if (Data.size() < Magic.size() + 8 || !Data.startswith(Magic))
    return false;
  Reader Head(Data.substr(Magic.size(), 8));
  llvm::StringRef Payload = Data.drop_front(Magic.size() + 8);
  if (Head.u64() != llvm::xxHash64(Payload))
    return false;
  Reader R(Payload);
  uint64_t NM = R.count(16);
  for (uint64_t K = 0; K < NM && R.ok(); ++K) {
    MatcherEntry E;
    uint64_t NG = R.count(9);
    if (NG == 0)
      return false;
    for (uint64_t G = 0; G < NG && R.ok(); ++G) {
      uint64_t H = R.u64();
      E.Groups.push_back({H, R.u8() != 0});
    }
    E.Tables = R.str();
    New.Matchers.push_back(std::move(E));
  }
  uint64_t NW = R.count(24);
  for (uint64_t K = 0; K < NW && R.ok(); ++K) {
    WordsEntry E;
    E.Hash = R.u64();
    E.Length = R.u64();
    uint64_t NS = R.count(8);
    for (uint64_t S = 0; S < NS && R.ok(); ++S) {
      E.Sets.emplace_back();
      uint64_t NWords = R.count(8);
      for (uint64_t X = 0; X < NWords && R.ok(); ++X)
        E.Sets.back().push_back(R.str().str());
    }
    New.Words.push_back(std::move(E));
  }
  if (!R.atEnd())
    return false;
  std::sort(New.Words.begin(), New.Words.end(),
            [](const WordsEntry &A, const WordsEntry &B) {
              return std::tie(A.Hash, A.Length) < std::tie(B.Hash, B.Length);
            });
  Current = std::move(New);
  return true;
}

void startRecording() {
  Recorder &R = recorder();
  std::lock_guard<std::mutex> L(R.M);
  R.Matchers.clear();
  R.Words.clear();
  R.On = true;
}

std::string dump() {
  Recorder &R = recorder();
  std::lock_guard<std::mutex> L(R.M);
  R.On = false;
  // Matchers are recorded by two threads at start-up: sorted, the same
  // recordings give the same bytes.
  std::vector<std::string> Ms = R.Matchers;
  std::sort(Ms.begin(), Ms.end());
  Writer W;
  W.u64(Ms.size());
  for (const std::string &M : Ms)
    W.raw(M.data(), M.size());
  std::vector<std::pair<std::pair<uint64_t, uint64_t>, const WordSets *>> Ws;
  for (const auto &KV : R.Words)
    Ws.push_back({{llvm::xxHash64(KV.first), KV.first.size()}, &KV.second});
  std::sort(Ws.begin(), Ws.end());
  W.u64(Ws.size());
  for (const auto &E : Ws) {
    W.u64(E.first.first);
    W.u64(E.first.second);
    W.u64(E.second->size());
    for (const std::vector<std::string> &Set : *E.second) {
      W.u64(Set.size());
      for (const std::string &Word : Set)
        W.str(Word);
    }
  }
  std::string Payload = W.take();
  Writer Out;
  Out.raw(Magic.data(), Magic.size());
  Out.u64(llvm::xxHash64(Payload));
  Out.raw(Payload.data(), Payload.size());
  return Out.take();
}

Stats stats() { return {MatchersUsed.load(), WordsUsed.load()}; }

const MatcherEntry *findMatcher(uint64_t FirstGroup) {
  for (const MatcherEntry &E : Current.Matchers)
    if (E.Groups.front().first == FirstGroup)
      return &E;
  return nullptr;
}

void noteMatcherUsed() { ++MatchersUsed; }

bool recording() { return recorder().On; }

bool active() { return !Current.Matchers.empty() || recording(); }

void recordMatcher(std::vector<std::pair<uint64_t, bool>> Groups,
                   std::string Tables) {
  if (Groups.empty())
    return;
  Recorder &R = recorder();
  std::lock_guard<std::mutex> L(R.M);
  if (R.On)
    R.Matchers.push_back(matcherBytes(Groups, Tables));
}

const WordSets *findWords(llvm::StringRef Regex) {
  if (Current.Words.empty())
    return nullptr;
  uint64_t H = llvm::xxHash64(Regex);
  auto It = std::lower_bound(
      Current.Words.begin(), Current.Words.end(),
      std::make_pair(H, static_cast<uint64_t>(Regex.size())),
      [](const WordsEntry &E, const std::pair<uint64_t, uint64_t> &K) {
        return std::tie(E.Hash, E.Length) < std::tie(K.first, K.second);
      });
  if (It == Current.Words.end() || It->Hash != H || It->Length != Regex.size())
    return nullptr;
  ++WordsUsed;
  return &It->Sets;
}

void recordWords(llvm::StringRef Regex, const WordSets &Sets) {
  Recorder &R = recorder();
  std::lock_guard<std::mutex> L(R.M);
  if (R.On)
    R.Words[Regex.str()] = Sets;
}

} // namespace prebuilt
} // namespace claimlint
