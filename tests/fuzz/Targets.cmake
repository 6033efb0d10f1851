# The fuzz targets: name, source and the library each needs. Included by
# tests/fuzz/CMakeLists.txt (libFuzzer builds) and tests/hostile (replay of
# the seed corpora in every build). A target whose library is not part of the
# build (the language server's) is left out.
set(CLAIMLINT_FUZZ_TARGETS markdown html rules config context regexwords)
set(CLAIMLINT_FUZZ_markdown_SOURCE MarkdownFuzzer.cpp)
set(CLAIMLINT_FUZZ_markdown_DEPS claimlintOutput)
set(CLAIMLINT_FUZZ_html_SOURCE HtmlFuzzer.cpp)
set(CLAIMLINT_FUZZ_html_DEPS claimlintOutput)
set(CLAIMLINT_FUZZ_rules_SOURCE RuleFuzzer.cpp)
set(CLAIMLINT_FUZZ_rules_DEPS claimlintOutput)
set(CLAIMLINT_FUZZ_config_SOURCE ConfigFuzzer.cpp)
set(CLAIMLINT_FUZZ_config_DEPS claimlintOutput)
set(CLAIMLINT_FUZZ_context_SOURCE ContextFuzzer.cpp)
set(CLAIMLINT_FUZZ_context_DEPS claimlintOutput)
set(CLAIMLINT_FUZZ_regexwords_SOURCE RegexWordsFuzzer.cpp)
set(CLAIMLINT_FUZZ_regexwords_DEPS claimlintOutput)
if(TARGET claimlintLSP)
  list(APPEND CLAIMLINT_FUZZ_TARGETS lsp)
  set(CLAIMLINT_FUZZ_lsp_SOURCE LspFuzzer.cpp)
  set(CLAIMLINT_FUZZ_lsp_DEPS claimlintLSP claimlintOutput)
endif()
set(CLAIMLINT_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
