//===- LSP/Settings.cpp - The "claimlint" settings section ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Settings.h"

#include <tuple>

namespace claimlint {
namespace lsp {

bool Settings::operator==(const Settings &O) const {
  auto Tie = [](const Settings &S) {
    return std::tie(S.Enabled, S.RulesDirs, S.ConfigPath, S.NoConfig, S.Profile,
                    S.Enable, S.Disable, S.SeverityOverrides, S.MinSeverity,
                    S.ShowQualified, S.UseContext, S.Frequency, S.DebounceMs,
                    S.DocsBaseUrl, S.Today);
  };
  return Tie(*this) == Tie(O);
}

const json *settingsSection(const json &V) {
  if (const json *S = objectMember(V, "claimlint"))
    return S;
  return V.is_object() ? &V : nullptr;
}

Settings applySettings(Settings S, const json &Section,
                       std::vector<std::string> &Warnings) {
  if (!Section.is_object())
    return S;
  auto Bad = [&](const std::string &Key, llvm::StringRef Want) {
    Warnings.push_back("setting 'claimlint." + Key + "' must be " + Want.str() +
                       "; ignored");
  };
  for (auto It = Section.begin(); It != Section.end(); ++It) {
    const std::string &K = It.key();
    const json &V = It.value();
    if (V.is_null())
      continue; // "not set": keep the default
    auto Bool = [&](bool &Out) {
      if (V.is_boolean())
        Out = V.get<bool>();
      else
        Bad(K, "true or false");
    };
    auto Str = [&](std::string &Out) {
      if (V.is_string())
        Out = V.get_ref<const std::string &>();
      else
        Bad(K, "a string");
    };
    auto List = [&](std::vector<std::string> &Out) {
      bool All = false;
      std::vector<std::string> L = stringList(V, All);
      if (All)
        Out = std::move(L);
      else
        Bad(K, "a list of strings");
    };
    if (K == "enable" && V.is_boolean()) {
      // "enable": false switches the server off (a common editor idiom).
      S.Enabled = V.get<bool>();
    } else if (K == "enabled") {
      Bool(S.Enabled);
    } else if (K == "rulesDirs") {
      List(S.RulesDirs);
    } else if (K == "configPath" || K == "config") {
      Str(S.ConfigPath);
    } else if (K == "noConfig") {
      Bool(S.NoConfig);
    } else if (K == "profile") {
      Str(S.Profile);
    } else if (K == "enable" || K == "enableRules") {
      List(S.Enable);
    } else if (K == "disable" || K == "disableRules") {
      List(S.Disable);
    } else if (K == "severity") {
      if (!V.is_object()) {
        Bad(K, "an object of rule glob to level");
        continue;
      }
      std::vector<std::pair<std::string, std::string>> Out;
      bool Ok = true;
      for (auto E = V.begin(); E != V.end(); ++E) {
        if (!E.value().is_string()) {
          Ok = false;
          break;
        }
        const std::string &L = E.value().get_ref<const std::string &>();
        if (L != "off" && !parseSeverity(L)) {
          Ok = false;
          break;
        }
        Out.emplace_back(E.key(), L);
      }
      if (Ok)
        S.SeverityOverrides = std::move(Out);
      else
        Bad(K, "an object whose values are error, warning, info or off");
    } else if (K == "minimumSeverity" || K == "minSeverity") {
      llvm::Optional<Severity> Sev;
      if (V.is_string()) {
        llvm::StringRef L = V.get_ref<const std::string &>();
        Sev = parseSeverity(L);
        if (!Sev && (L == "information" || L == "hint"))
          Sev = Severity::Info;
      }
      if (Sev)
        S.MinSeverity = *Sev;
      else
        Bad(K, "error, warning or information");
    } else if (K == "showQualified") {
      Bool(S.ShowQualified);
    } else if (K == "context" || K == "useContext") {
      Bool(S.UseContext);
    } else if (K == "checkFrequency" || K == "run") {
      std::string F;
      if (V.is_string())
        F = V.get_ref<const std::string &>();
      if (F == "edit" || F == "onType")
        S.Frequency = CheckFrequency::Edit;
      else if (F == "save" || F == "onSave")
        S.Frequency = CheckFrequency::Save;
      else
        Bad(K, "\"edit\" or \"save\"");
    } else if (K == "debounceMs" || K == "debounce") {
      llvm::Optional<int64_t> N = asInt(V);
      if (N && *N >= 0 && *N <= 10000)
        S.DebounceMs = static_cast<unsigned>(*N);
      else
        Bad(K, "a number of milliseconds from 0 to 10000");
    } else if (K == "docsBaseUrl") {
      Str(S.DocsBaseUrl);
    } else if (K == "today") {
      Str(S.Today);
    } else if (K == "serverPath" || K == "trace" || K == "path" ||
               K == "serverArgs") {
      // Read by the editor plugins, not by the server.
    } else {
      Warnings.push_back("unknown setting 'claimlint." + K + "'; ignored");
    }
  }
  return S;
}

} // namespace lsp
} // namespace claimlint
