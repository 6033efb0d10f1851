# Dependencies, all from Debian packages (see scripts/deps).
find_package(LLVM 14 CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_package(Threads REQUIRED)

# LLVM Support, linked statically (the LLVMSupport archive, not libLLVM.so).
add_library(claimlint_llvm INTERFACE)
target_include_directories(claimlint_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(claimlint_llvm INTERFACE ${_llvm_defs})
target_link_libraries(claimlint_llvm INTERFACE LLVMSupport)
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(claimlint_llvm INTERFACE -fno-rtti)
endif()
