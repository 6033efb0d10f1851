//===- Audit/Baseline.cpp - Accepted findings -----------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Baseline.h"

#include "Context/Segmenter.h"
#include "Support/Error.h"
#include "Support/FileSystem.h"
#include "Support/Normalize.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA1.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace claimlint {

std::string normaliseSentence(llvm::StringRef S) {
  return lowerCollapsingSpace(S);
}

std::vector<std::string> findingSentences(const FileReport &R) {
  std::vector<std::string> Out;
  if (R.Diags.empty())
    return Out;
  Prose P = readDocument(R.Text, R.Type);
  std::vector<Sentence> Sentences = segmentSentences(P);
  for (const Diagnostic &D : R.Diags) {
    uint32_t At = P.fromOriginal(D.Offset);
    auto It = std::upper_bound(
        Sentences.begin(), Sentences.end(), At,
        [](uint32_t V, const Sentence &S) { return V < S.Text.Begin; });
    llvm::StringRef Found;
    if (It != Sentences.begin()) {
      const Sentence &S = *(It - 1);
      if (At < S.Text.End)
        Found = llvm::StringRef(P.text()).slice(S.Text.Begin, S.Text.End);
    }
    Out.push_back(
        normaliseSentence(Found.empty() ? llvm::StringRef(D.Match) : Found));
  }
  return Out;
}

std::string baselineFingerprint(llvm::StringRef Path, llvm::StringRef Rule,
                                llvm::StringRef Sentence, unsigned Occurrence) {
  std::string Data = "claimlint-baseline/v1";
  for (llvm::StringRef Part : {Path, Rule, Sentence}) {
    Data.push_back('\0');
    Data += Part.str();
  }
  Data.push_back('\0');
  Data += std::to_string(Occurrence);
  return llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(Data)),
                     /*LowerCase=*/true);
}

std::vector<BaselineEntry> baselineEntries(const FileReport &R) {
  std::vector<BaselineEntry> Out;
  std::vector<std::string> Sentences = findingSentences(R);
  llvm::StringMap<unsigned> Count;
  for (size_t I = 0; I < R.Diags.size(); ++I) {
    BaselineEntry E;
    E.Path = R.Path;
    E.Rule = R.Diags[I].RuleId;
    E.Sentence = Sentences[I];
    E.Occurrence = ++Count[E.Rule + '\0' + E.Sentence];
    E.Fingerprint =
        baselineFingerprint(E.Path, E.Rule, E.Sentence, E.Occurrence);
    Out.push_back(std::move(E));
  }
  return Out;
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef File) {
  auto Text = readFile(File);
  if (!Text)
    return Text.takeError();
  nlohmann::json J;
  try {
    J = nlohmann::json::parse(*Text);
  } catch (const nlohmann::json::exception &E) {
    return makeError(File + ": not a baseline file: " + E.what());
  }
  if (!J.is_object() || !J.contains("findings") || !J["findings"].is_array())
    return makeError(File + ": not a baseline file (no \"findings\" list)");
  Baseline B;
  for (const auto &F : J["findings"]) {
    if (!F.is_object() || !F.contains("fingerprint") ||
        !F["fingerprint"].is_string())
      return makeError(File + ": a finding without a \"fingerprint\"");
    BaselineEntry E;
    E.Fingerprint = F["fingerprint"].get<std::string>();
    auto Str = [&](const char *K) {
      return F.contains(K) && F[K].is_string() ? F[K].get<std::string>()
                                               : std::string();
    };
    E.Path = Str("path");
    E.Rule = Str("rule");
    E.Sentence = Str("sentence");
    if (F.contains("occurrence") && F["occurrence"].is_number_unsigned())
      E.Occurrence = F["occurrence"].get<unsigned>();
    B.ByFingerprint.emplace(E.Fingerprint, B.Entries.size());
    B.Entries.push_back(std::move(E));
  }
  B.Used.assign(B.Entries.size(), 0);
  return B;
}

std::string Baseline::serialise(std::vector<BaselineEntry> Entries) {
  std::sort(Entries.begin(), Entries.end(),
            [](const BaselineEntry &X, const BaselineEntry &Y) {
              return std::tie(X.Path, X.Rule, X.Sentence, X.Occurrence) <
                     std::tie(Y.Path, Y.Rule, Y.Sentence, Y.Occurrence);
            });
  nlohmann::json List = nlohmann::json::array();
  for (const BaselineEntry &E : Entries)
    List.push_back({{"fingerprint", E.Fingerprint},
                    {"path", E.Path},
                    {"rule", E.Rule},
                    {"sentence", E.Sentence},
                    {"occurrence", E.Occurrence}});
  nlohmann::json J = {
      {"version", 1}, {"tool", "claimlint"}, {"findings", List}};
  return J.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool Baseline::accept(const std::string &Fingerprint) {
  auto It = ByFingerprint.find(Fingerprint);
  if (It == ByFingerprint.end())
    return false;
  Used[It->second] = 1;
  return true;
}

std::vector<BaselineEntry>
Baseline::stale(const std::set<std::string> &Paths) const {
  std::vector<BaselineEntry> Out;
  for (size_t I = 0; I < Entries.size(); ++I)
    if (!Used[I] && Paths.count(Entries[I].Path))
      Out.push_back(Entries[I]);
  return Out;
}

} // namespace claimlint
