// A file-only creation policy in basic_temp_dir: rejected ("boost::tempfile: this creation policy makes files").
#include <boost/tempfile/basic_temp_dir.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_dir<char, tf::anonymous_file<>>;
#else
using t = tf::basic_temp_dir<char, tf::exclusive_dir<>>;
#endif
int main() { return sizeof(t) == 0; }
