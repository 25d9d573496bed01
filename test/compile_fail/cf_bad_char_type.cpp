// A character type other than char and wchar_t: rejected ("boost::tempfile: CharT must be char or wchar_t").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<int>;
#else
using t = tf::basic_temp_file<wchar_t>;
#endif
int main() { return sizeof(t) == 0; }
