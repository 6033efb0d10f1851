//===- fuzz/RuleFuzzer.cpp - The rule loader ------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The input is a rule file, optionally preceded by a pack.json and a NUL
// byte. It is loaded as the only rule of pack "fuzz". A failure must be a
// located error inside the file; a rule that loads is compiled, and the
// built-in sample text plus the rule's own examples are linted with it and
// checked like any lint; its triggers must be those the all-RE2 build of the
// same rule finds (phrase matcher and word gates, Match/RegexWords.h, against
// RE2 alone). Every JSON pointer of a valid document must locate
// the start of its value, since located errors rely on that.
//
//===----------------------------------------------------------------------===//

#include "Rules/JsonLocation.h"
#include "Rules/RuleLoader.h"
#include "Rules/RuleSet.h"
#include "Support/Error.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "FuzzCommon.h"

using namespace claimlint;

namespace {

const char DefaultPack[] =
    R"({"name": "fuzz", "vocabulary": {"COND": ["arthritis", "back pain"]}})";

const char Sample[] =
    "Our clinic cures arthritis. Stem cells may ease back pain for some "
    "patients. Guaranteed results, no side effects! A 2019 trial [1] found "
    "less pain.\n\nWalk pain-free again.";

/// Every trigger match in \p Text, sorted.
std::vector<std::tuple<unsigned, unsigned, uint32_t, uint32_t>>
triggers(const RuleSet &S, llvm::StringRef Text) {
  std::vector<std::tuple<unsigned, unsigned, uint32_t, uint32_t>> Out;
  S.findTriggers(Text, [&](RuleSet::Owner O, uint32_t B, uint32_t E) {
    Out.emplace_back(O.Rule, O.Group, B, E);
    return true;
  });
  std::sort(Out.begin(), Out.end());
  return Out;
}

/// Checks that each error is located inside its file.
void checkErrors(llvm::Error E) {
  llvm::handleAllErrors(
      std::move(E),
      [](const LocatedError &L) {
        FUZZ_CHECK(L.offset() <= L.text().size(), "error outside the file");
        FUZZ_CHECK(!L.msg().empty(), "located error without a message");
      },
      [](const llvm::ErrorInfoBase &B) {
        FUZZ_CHECK(!B.message().empty(), "error without a message");
      });
}

/// True when a JSON text has a key written with an escape or a duplicate
/// key in an object: locateJsonPointer documents that it reads keys raw
/// and stops at the first match, so exact locations are not promised there.
bool hasAmbiguousKeys(llvm::StringRef Text) {
  if (Text.contains("\\u"))
    return true;
  bool Dup = false;
  std::vector<std::set<std::string>> Keys;
  nlohmann::json::parser_callback_t Cb =
      [&](int, nlohmann::json::parse_event_t Ev, nlohmann::json &V) {
        using E = nlohmann::json::parse_event_t;
        if (Ev == E::object_start)
          Keys.emplace_back();
        else if (Ev == E::object_end && !Keys.empty())
          Keys.pop_back();
        else if (Ev == E::key && !Keys.empty() &&
                 !Keys.back().insert(V.get<std::string>()).second)
          Dup = true;
        return true;
      };
  // Only the callback's view of the keys matters, not the value.
  nlohmann::json Ignored =
      nlohmann::json::parse(Text.begin(), Text.end(), Cb, false);
  (void)Ignored;
  return Dup;
}

std::string escapePointer(const std::string &Key) {
  std::string Out;
  for (char C : Key) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out.push_back(C);
  }
  return Out;
}

/// Every value's pointer must locate the first byte of that value.
void checkPointers(llvm::StringRef Text, const nlohmann::json &J,
                   const std::string &Ptr, unsigned &Budget) {
  if (Budget == 0)
    return;
  --Budget;
  size_t Off = locateJsonPointer(Text, Ptr);
  FUZZ_CHECK(Off <= Text.size(), "pointer " + Ptr + " located past the end");
  if (Ptr.empty())
    return; // the root: may be preceded by a byte order mark
  FUZZ_CHECK(Off < Text.size(), "pointer " + Ptr + " located at the end");
  char C = Text[Off];
  bool Ok = false;
  switch (J.type()) {
  case nlohmann::json::value_t::object:
    Ok = C == '{';
    break;
  case nlohmann::json::value_t::array:
    Ok = C == '[';
    break;
  case nlohmann::json::value_t::string:
    Ok = C == '"';
    break;
  case nlohmann::json::value_t::boolean:
    Ok = C == 't' || C == 'f';
    break;
  case nlohmann::json::value_t::null:
    Ok = C == 'n';
    break;
  default:
    Ok = C == '-' || (C >= '0' && C <= '9');
    break;
  }
  FUZZ_CHECK(Ok, "pointer " + Ptr + " located at '" + std::string(1, C) +
                     "', offset " + fuzz::str(Off));
  if (J.is_object()) {
    for (auto It = J.begin(); It != J.end(); ++It)
      checkPointers(Text, *It, Ptr + "/" + escapePointer(It.key()), Budget);
  } else if (J.is_array()) {
    for (size_t I = 0; I < J.size(); ++I)
      checkPointers(Text, J[I], Ptr + "/" + std::to_string(I), Budget);
  }
}

void checkJsonLocations(llvm::StringRef Text) {
  nlohmann::json J = nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (J.is_discarded() || hasAmbiguousKeys(Text))
    return;
  unsigned Budget = 2000;
  checkPointers(Text, J, "", Budget);
}

std::string stripMarks(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S.compare(I, 2, "[[") == 0 || S.compare(I, 2, "]]") == 0) {
      ++I;
      continue;
    }
    Out.push_back(S[I]);
  }
  return Out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef In(reinterpret_cast<const char *>(Data), Size);
  llvm::StringRef PackText = DefaultPack, RuleText = In;
  size_t Nul = In.find('\0');
  if (Nul != llvm::StringRef::npos) {
    PackText = In.take_front(Nul);
    RuleText = In.drop_front(Nul + 1);
  }
  checkJsonLocations(PackText);
  checkJsonLocations(RuleText);

  PackSource Pack;
  Pack.Name = "fuzz";
  Pack.PackJson = SourceText{"fuzz/pack.json", PackText.str()};
  Pack.RuleFiles.push_back({"fuzz/rule.json", RuleText.str()});
  RuleLoader Loader;
  Loader.addPack(std::move(Pack));
  auto Loaded = Loader.load();
  if (!Loaded) {
    checkErrors(Loaded.takeError());
    return 0;
  }
  FUZZ_CHECK(Loaded->Rules.size() == 1, "one rule file gave " +
                                            fuzz::str(Loaded->Rules.size()) +
                                            " rules");
  std::string Text = Sample;
  for (const Example &E : Loaded->Rules[0].FlagExamples)
    Text += "\n\n" + stripMarks(E.Text);
  for (const Example &E : Loaded->Rules[0].PassExamples)
    Text += "\n\n" + E.Text;
  std::vector<Rule> Copy = Loaded->Rules;
  auto RS = RuleSet::build(std::move(Loaded->Rules));
  if (!RS) {
    checkErrors(RS.takeError());
    return 0;
  }
  // The same rule with every trigger in RE2 (no phrase matcher, no word
  // gates) must find the same triggers.
  RuleSet::BuildOptions AllRe2;
  AllRe2.PhraseMatcher = false;
  auto Ref = RuleSet::build(std::move(Copy), AllRe2);
  FUZZ_CHECK(static_cast<bool>(Ref),
             "the rule builds only with the phrase matcher");
  FUZZ_CHECK(triggers(**RS, Text) == triggers(**Ref, Text),
             "the phrase matcher and word gates find other triggers than RE2");
  Workspace &W = fuzz::builtinWorkspace();
  LintOptions O;
  O.ShowQualified = true;
  O.Today = "2024-01-01";
  Linter L(**RS, W.analyzer(), O);
  for (FileType T : {FileType::Markdown, FileType::Text}) {
    FileReport R = L.lint("sample.md", Text, defaultSettings(**RS, T));
    fuzz::checkReport(R, Text);
    fuzz::checkOutputs(R, **RS);
  }
  return 0;
}
